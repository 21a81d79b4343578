import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoRepositories } from './demo-git.writer';

describe(writeDemoRepositories.name, () => {
  it('should create a real git history with authors, dates, trailers and files', () => {
    const root = mkdtempSync(join(tmpdir(), 'demo-git-'));
    try {
      const now = new Date('2026-03-01T00:00:00Z');
      const [dir] = writeDemoRepositories(
        root,
        [
          {
            name: 'svc',
            team: 't',
            dataClasses: ['pii'],
            topics: ['pii'],
            commits: [
              {
                authorName: 'Ada Abbott',
                authorEmail: 'ada@x.example',
                message: 'Initial commit',
                files: { 'README.md': '# svc\n' },
                daysAgo: 10,
              },
              {
                authorName: 'Ben Berg',
                authorEmail: 'ben@x.example',
                message: 'Refactor\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
                files: { 'CLAUDE.md': 'é notes\n' },
                daysAgo: 2,
              },
            ],
          },
        ],
        now,
      );
      const log = execFileSync(
        'git',
        ['log', '--format=%ae|%aI|%(trailers:key=Co-Authored-By,valueonly)'],
        { cwd: dir },
      ).toString();
      expect(log.trim().split('\n').filter(Boolean)).toEqual([
        'ben@x.example|2026-02-27T00:00:00+00:00|Claude <noreply@anthropic.com>',
        'ada@x.example|2026-02-19T00:00:00+00:00|',
      ]);
      expect(readFileSync(join(dir, 'CLAUDE.md'), 'utf8')).toBe('é notes\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
