import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCAL_OPERATOR } from '../../auth/role';
import type { CliCommand } from '../cli-context';

/**
 * `person` and `privacy` hold subcommands several modules add to: take the group if another
 * command registered it first.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  return (
    program.commands.find((c) => c.name() === name) ??
    program.command(name).description(description)
  );
}

export const personCommand: CliCommand = {
  register(program, ctx) {
    commandGroup(program, 'person', "one person's data (subject access)")
      .command('export')
      .description(
        'everything AI Census holds about one person, as JSON or one CSV (kind, record, field, value); audited',
      )
      .argument('<person>', 'the person id, or an e-mail address of the directory')
      .addOption(
        new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'),
      )
      .option('--out <file>', 'write to this file (readable by its owner only) instead of stdout')
      .action(async (person: string, opts: { format: 'json' | 'csv'; out?: string }) => {
        const r = await ctx.withApp(async (app) =>
          app
            .get(
              (await import('../../privacy/subject-access/subject-access.service'))
                .SubjectAccessService,
            )
            .exportAs(person, opts.format, LOCAL_OPERATOR),
        );
        if (!opts.out) {
          ctx.print(false, r.body, (b) => b.trimEnd());
          return;
        }
        const file = resolve(opts.out);
        writeFileSync(file, r.body, { mode: 0o600 });
        ctx.print(false, file, (f) => `Wrote the data held about person ${r.personId} to ${f}`);
      });
  },
};
