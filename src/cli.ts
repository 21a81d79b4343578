#!/usr/bin/env node
import 'reflect-metadata';
import { CommanderError } from 'commander';
import { CliContext } from './cli/cli-context';
import { buildProgram } from './cli/program';

/** Exits once everything written has reached the pipe: a plain exit would cut long --json output. */
async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (s) => new Promise<void>((resolve) => s.write('', () => resolve())),
    ),
  );
  process.exit(code);
}

async function main(): Promise<void> {
  const program = buildProgram(new CliContext(process.env));
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) await exitAfterFlush(error.exitCode);
    // One line naming the problem; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ai-census: ${message.split('\n')[0]}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    await exitAfterFlush(1);
  }
  // a command may set an exit code of its own (check-repo: 1 for a violation, 2 for an error)
  await exitAfterFlush(typeof process.exitCode === 'number' ? process.exitCode : 0);
}

void main();
