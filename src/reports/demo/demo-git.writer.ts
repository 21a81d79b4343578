import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DemoRepository } from './demo-org.types';

/** Creates each demo repository as a real git repository with its commits, authors and dates. */
export function writeDemoRepositories(root: string, repos: DemoRepository[], now: Date): string[] {
  return repos.map((repo) => {
    const dir = join(root, repo.name);
    mkdirSync(dir, { recursive: true });
    const git = (args: string[], env: Record<string, string> = {}) =>
      execFileSync('git', args, {
        cwd: dir,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    git(['init', '-q', '-b', 'main']);
    git(['config', 'commit.gpgsign', 'false']);
    for (const c of repo.commits) {
      for (const [path, content] of Object.entries(c.files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      git(['add', '-A']);
      const date = new Date(now.getTime() - c.daysAgo * 86_400_000).toISOString();
      git(['commit', '-q', '--no-verify', '-m', c.message], {
        GIT_AUTHOR_NAME: c.authorName,
        GIT_AUTHOR_EMAIL: c.authorEmail,
        GIT_COMMITTER_NAME: c.authorName,
        GIT_COMMITTER_EMAIL: c.authorEmail,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
    }
    return dir;
  });
}
