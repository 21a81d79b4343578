import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CommitSpec {
  message: string;
  files?: Record<string, string | Buffer>;
  delete?: string[];
  author?: { name: string; email: string };
  committer?: { name: string; email: string };
  date?: string;
}

const DEFAULT_PERSON = { name: 'Ann Dev', email: 'ann@acme.test' };

/** Builds real git repositories for tests, commit by commit, with chosen authors and dates. */
export class GitRepoBuilder {
  readonly dir: string;
  private tick = 0;

  constructor(name = 'repo') {
    this.dir = join(mkdtempSync(join(tmpdir(), 'ai-census-repo-')), name);
    mkdirSync(this.dir);
    this.git(['init', '-q', '-b', 'main']);
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: this.dir, ...env },
      encoding: 'utf8',
    });
  }

  commit(spec: CommitSpec): string {
    for (const [path, content] of Object.entries(spec.files ?? {})) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), content);
    }
    for (const path of spec.delete ?? []) unlinkSync(join(this.dir, path));
    this.git(['add', '-A']);
    const author = spec.author ?? DEFAULT_PERSON;
    const committer = spec.committer ?? author;
    const date =
      spec.date ?? new Date(Date.UTC(2026, 0, 1) + this.tick++ * 3_600_000).toISOString();
    this.git(['commit', '-q', '--allow-empty', '-m', spec.message], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: date,
    });
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  remove(): void {
    rmSync(dirname(this.dir), { recursive: true, force: true });
  }
}
