import { writeFile } from 'node:fs/promises';
import { Argument, Option } from 'commander';
import {
  EXPORT_FORMATS,
  EXPORT_LISTS,
  type ExportFormat,
  type ExportList,
} from '../../guardrails/enforcement/network/network-export.renderers';
import {
  REGISTER_FORMATS,
  type RegisterFormat,
} from '../../guardrails/enforcement/register/register-formats';
import type { CliCommand } from '../cli-context';

/** Writes to --out, or to stdout; notes (what the product could not take) go to stderr. */
async function emit(body: string | Buffer, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, body);
  else process.stdout.write(body);
}

export const guardrailsCommand: CliCommand = {
  register(program, ctx) {
    const guardrails = program
      .command('guardrails')
      .description('enforcement exports generated from the AI tool policy');

    guardrails
      .command('export')
      .description('a network block or allow list for a proxy or DNS filter')
      .addArgument(new Argument('<format>', 'the target product').choices(EXPORT_FORMATS))
      .addOption(
        new Option('--list <list>', 'block (prohibited) or allow (sanctioned)')
          .choices(EXPORT_LISTS)
          .default('block'),
      )
      .option('--out <file>', 'write to this file instead of stdout')
      .action(async (format: ExportFormat, opts: { list: ExportList; out?: string }) => {
        const r = await ctx.withApp(async (app) =>
          app
            .get(
              (await import('../../guardrails/enforcement/network/network-export.service'))
                .NetworkExportService,
            )
            .render(format, opts.list),
        );
        for (const note of r.notes) ctx.warn(note);
        await emit(r.body, opts.out);
      });

    guardrails
      .command('register')
      .description('the AI register: every tool in use or decided on, with owner, purpose, review')
      .addOption(new Option('--format <format>').choices(REGISTER_FORMATS).default('yaml'))
      .option('--out <file>', 'write to this file instead of stdout (required for xlsx)')
      .action(async (opts: { format: RegisterFormat; out?: string }) => {
        if (opts.format === 'xlsx' && !opts.out) throw new Error('--format xlsx needs --out FILE');
        const r = await ctx.withApp(async (app) =>
          app
            .get(
              (await import('../../guardrails/enforcement/register/ai-register.service'))
                .AiRegisterService,
            )
            .render(opts.format),
        );
        await emit(r.body, opts.out);
      });
  },
};
