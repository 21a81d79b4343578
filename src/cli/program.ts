import { Command } from 'commander';
import { CliContext } from './cli-context';
import { CLI_COMMANDS } from './commands';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('ai-census')
    .description('AI Census: which AI tools your engineering organisation really uses')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const command of CLI_COMMANDS) command.register(program, ctx);
  return program;
}
