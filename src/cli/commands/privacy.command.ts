import { Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCAL_OPERATOR } from '../../auth/role';
import type { CliCommand } from '../cli-context';
import { commandGroup } from './person.command';

export const privacyCommand: CliCommand = {
  register(program, ctx) {
    commandGroup(program, 'privacy', 'privacy documents of this installation')
      .command('record')
      .description(
        'the record of processing (purposes, data, people, recipients, retention, safeguards) from the live configuration',
      )
      .addOption(new Option('--format <format>', 'md or pdf').choices(['md', 'pdf']).default('md'))
      .requiredOption('--out <file>', 'the file to write')
      .action(async (opts: { format: 'md' | 'pdf'; out: string }) => {
        const r = await ctx.withApp(async (app) =>
          app
            .get(
              (await import('../../privacy/record/record-of-processing.service'))
                .RecordOfProcessingService,
            )
            .render(opts.format, LOCAL_OPERATOR),
        );
        const file = resolve(opts.out);
        writeFileSync(file, r.body);
        ctx.print(false, file, (f) => `Wrote the record of processing to ${f}`);
      });
  },
};
