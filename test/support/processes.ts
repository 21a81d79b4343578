import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(REPO_ROOT, 'dist');

/** Runs the built CLI like a user would and returns what it printed. */
export function runCli(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment variables the CLI's options read (commander's Option.env). */
async function optionEnvVars(): Promise<string[]> {
  const { buildProgram } = await import('../../src/cli/program');
  const { CliContext } = await import('../../src/cli/cli-context');
  const names: string[] = [];
  const walk = (c: import('commander').Command) => {
    for (const o of c.options) if (o.envVar) names.push(o.envVar);
    c.commands.forEach(walk);
  };
  walk(buildProgram(new CliContext({})));
  return names;
}

/**
 * The CLI's own entry (src/cli/run.ts, what dist/cli.js calls) run inside this process: each
 * further call costs a command, not a Node start and a module graph. Everything the process
 * writes meanwhile is captured, so a stray log line still shows in stderr. For a command group
 * whose start as a real process another test already proves (runCli); not for standard input
 * or an environment the process itself must have (PATH).
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const { runCommandLine } = await import('../../src/cli/run');
  // commander reads an option's environment variable from process.env: only a real process
  // gets the one given here
  const fromEnv = (await optionEnvVars()).filter((name) => name in env);
  if (fromEnv.length > 0)
    throw new Error(`runCliInProcess: ${fromEnv.join(', ')} needs a real process (runCli)`);
  const captured = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (name: 'stdout' | 'stderr') =>
    function (chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      captured[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    } as typeof process.stdout.write;
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const status = await runCommandLine(['node', 'ai-census', ...args], {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...env,
    });
    return { status, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.exitCode = exitCode;
  }
}

/** The CLI as a child process without blocking this process (when a fake server lives here). */
export function runCliAsync(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(DIST, 'cli.js'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Starts a built entry point (main.js, worker.js) as a real process. */
export function startProcess(
  entry: 'main.js' | 'worker.js',
  env: Record<string, string>,
): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [path.join(DIST, entry)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

export type ApiProcess = ReturnType<typeof startProcess>;

/** Starts the built API and waits until it listens (and, on a first start, for its admin token). */
export async function startApi(
  env: Record<string, string>,
  opts: { firstStart?: boolean } = {},
): Promise<{ proc: ApiProcess; url: string; token: string }> {
  // "Listening on" is logged at LOG_LEVEL=log
  const proc = startProcess('main.js', { ...env, LOG_LEVEL: 'log' });
  const url = await waitFor(
    () => {
      if (proc.exitCode !== null) throw new Error(`the API exited:\n${proc.output()}`);
      return /Listening on (http:\/\/\S+)/.exec(proc.output())?.[1];
    },
    'the API to listen',
    90_000,
  ).catch(async (error: unknown) => {
    await stopProcess(proc, 'SIGKILL');
    throw error;
  });
  if (opts.firstStart === false) return { proc, url, token: '' };
  const token = await waitFor(
    () => /\n\s+(aic_\S+)\n/.exec(proc.output())?.[1],
    'the bootstrap token',
  );
  return { proc, url, token };
}
