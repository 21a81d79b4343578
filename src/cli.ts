#!/usr/bin/env node
import 'reflect-metadata';
import { runCommandLine } from './cli/run';

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
  await exitAfterFlush(await runCommandLine(process.argv, process.env));
}

void main();
