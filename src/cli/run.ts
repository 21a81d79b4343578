import { CommanderError } from 'commander';
import { CliContext } from './cli-context';
import { buildProgram } from './program';

/**
 * Runs one command line (`argv` as process.argv: node, script, then the arguments) against
 * `env` and resolves to the exit code. The caller exits: src/cli.ts, or a test that runs a
 * command inside its own process.
 */
export async function runCommandLine(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const program = buildProgram(new CliContext(env));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    // One line naming the problem; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ai-census: ${message.split('\n')[0]}\n`);
    if (env.LOG_LEVEL === 'debug' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  // a command may set an exit code of its own (check-repo: 1 for a violation, 2 for an error)
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
