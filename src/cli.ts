#!/usr/bin/env node
import 'reflect-metadata';
import { CommanderError } from 'commander';
import { CliContext } from './cli/cli-context';
import { buildProgram } from './cli/program';

async function main(): Promise<void> {
  const program = buildProgram(new CliContext(process.env));
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    // One line naming the problem; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ai-census: ${message.split('\n')[0]}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
  process.exit(0);
}

void main();
