#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { CliContext } from './cli/cli-context';
import { CLI_COMMANDS } from './cli/commands';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('ai-census')
    .description('AI Census: which AI tools your engineering organisation really uses')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const command of CLI_COMMANDS) command.register(program, ctx);
  return program;
}

async function main(): Promise<void> {
  const program = buildProgram(new CliContext(process.env));
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    // One line naming the problem; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ai-census: ${message}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
  process.exit(0);
}

if (require.main === module) void main();
