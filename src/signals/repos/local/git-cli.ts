import { execFile, spawn } from 'node:child_process';

/** Thin wrappers over the git CLI: one process per question, streamed where output is large. */
export class GitCli {
  /** `env` is added to the environment of every git process (credentials travel there, not in argv) */
  constructor(
    private readonly cwd: string,
    private readonly env: Record<string, string> = {},
  ) {}

  private get processEnv(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.env };
  }

  private args(args: string[]): string[] {
    return ['-c', 'core.quotepath=off', '-c', 'log.showSignature=false', ...args];
  }

  run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        this.args(args),
        { cwd: this.cwd, env: this.processEnv, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
        (err, stdout, stderr) => {
          if (err)
            reject(
              Object.assign(new Error(stderr.trim() || err.message), {
                gitExitCode: (err as { code?: unknown }).code,
              }),
            );
          else resolve(stdout);
        },
      );
    });
  }

  async ok(args: string[]): Promise<boolean> {
    try {
      await this.run(args);
      return true;
    } catch {
      return false;
    }
  }

  /** Streams stdout to `onChunk`; resolves when git exits. */
  stream(args: string[], onChunk: (chunk: string) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', this.args(args), { cwd: this.cwd, env: this.processEnv });
      let stderr = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', onChunk);
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(stderr.trim() || `git exited with ${code}`)),
      );
    });
  }

  /** Reads blobs through one `git cat-file --batch` process. Missing objects come back undefined. */
  readBlobs(shas: string[]): Promise<Map<string, Buffer>> {
    return new Promise((resolve, reject) => {
      const out = new Map<string, Buffer>();
      if (shas.length === 0) return resolve(out);
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, env: this.processEnv });
      let buf: Buffer = Buffer.alloc(0);
      let queue = [...new Set(shas)];
      child.stdout.on('data', (chunk: Buffer) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const nl = buf.indexOf(10);
          if (nl < 0) return;
          const header = buf.subarray(0, nl).toString('utf8');
          if (header.endsWith(' missing')) {
            buf = buf.subarray(nl + 1);
            queue = queue.slice(1);
            continue;
          }
          const size = Number(header.split(' ')[2]);
          if (buf.length < nl + 1 + size + 1) return;
          out.set(header.split(' ')[0], Buffer.from(buf.subarray(nl + 1, nl + 1 + size)));
          buf = buf.subarray(nl + 1 + size + 1);
          queue = queue.slice(1);
        }
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`git cat-file exited with ${code}`)),
      );
      child.stdin.end(queue.join('\n') + '\n');
    });
  }
}
