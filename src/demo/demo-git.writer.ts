import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoRepository } from './demo-org.types';

/**
 * Creates each demo repository as a real git repository with its commits, authors and dates.
 * One `git fast-import` per repository instead of add/commit per commit keeps the demo quick.
 */
export function writeDemoRepositories(root: string, repos: DemoRepository[], now: Date): string[] {
  return repos.map((repo) => {
    const dir = join(root, repo.name);
    mkdirSync(dir, { recursive: true });
    const git = (args: string[], input?: Buffer) =>
      execFileSync('git', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
    git(['init', '-q', '-b', 'main']);
    git(['fast-import', '--quiet'], Buffer.from(fastImportStream(repo, now)));
    git(['checkout', '-q', '-f', 'main']);
    return dir;
  });
}

function fastImportStream(repo: DemoRepository, now: Date): string {
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  return repo.commits
    .map((c, i) => {
      const when = Math.floor((now.getTime() - c.daysAgo * 86_400_000) / 1000);
      const who = `${c.authorName} <${c.authorEmail}> ${when} +0000`;
      const files = Object.entries(c.files).map(
        ([path, content]) => `M 100644 inline ${path}\n${data(content)}`,
      );
      return [
        `commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\n${data(c.message)}`,
        i > 0 ? `from :${i}\n` : '',
        ...files,
      ].join('');
    })
    .join('\n');
}
