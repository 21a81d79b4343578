import { Option } from 'commander';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { JobName } from '../../jobs/job-names';
import type { IngestLogsData, IngestLogsResult } from '../../signals/network/ingest-logs.processor';
import { NETWORK_FORMATS, type NetworkFormat } from '../../signals/network/network.types';
import type { CliCommand, CliContext } from '../cli-context';
import { jobsService } from '../lazy-services';

interface IngestLogsOptions {
  format: string;
  zone?: string;
  leases?: string;
  json?: boolean;
}

/** stdin is spooled to a file first: the ingest needs a fingerprint and a resumable offset. */
async function spoolStdin(ctx: CliContext): Promise<string> {
  const dir = join((await ctx.config()).dataDir, 'spool', 'network');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}-stdin.log`);
  await pipeline(process.stdin, createWriteStream(path));
  return path;
}

function render(r: IngestLogsResult): string {
  const lines = [
    `${r.files.join(', ')} (${r.format}): ${r.lines} lines, ${r.parsed} parsed, ${r.malformed} malformed`,
  ];
  if (r.alreadyIngested.length > 0)
    lines.push(`already ingested, nothing added: ${r.alreadyIngested.join(', ')}`);
  for (const [tool, t] of Object.entries(r.tools)) {
    lines.push(
      `  ${tool.padEnd(24)} ${t.requests} requests, ${t.bytes} bytes, ${t.identities} identities`,
    );
  }
  for (const m of r.malformedSample.slice(0, 5))
    lines.push(`  malformed ${m.file}:${m.line}: ${m.reason}`);
  return lines.join('\n');
}

export const ingestLogsCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('ingest-logs')
      .description(
        'ingest proxy, DNS and firewall logs (gzip or plain; - for stdin) into daily AI usage',
      )
      .argument('<files...>', 'log files, or - for standard input')
      .addOption(
        new Option('--format <format>', 'log format')
          .choices(['auto', ...NETWORK_FORMATS])
          .default('auto'),
      )
      .option('--zone <zone>', 'IANA time zone of formats that log local time, e.g. Europe/Berlin')
      .option('--leases <file>', 'IP lease map CSV (ip, person, from, to) for IP-only logs')
      .option('--json', 'print JSON')
      .action(async (files: string[], opts: IngestLogsOptions) => {
        const paths: { path: string; name?: string }[] = [];
        for (const f of files) {
          if (f === '-') {
            paths.push({ path: await spoolStdin(ctx), name: 'stdin' });
            continue;
          }
          const path = resolve(f);
          await access(path).catch(() => {
            throw new Error(`${f}: no such file`);
          });
          paths.push({ path });
        }
        const data: IngestLogsData = {
          files: paths,
          format: opts.format as NetworkFormat | 'auto',
          zone: opts.zone,
          leasesPath: opts.leases ? resolve(opts.leases) : undefined,
        };
        const bar = ctx.progressBar('ingest-logs');
        let result: IngestLogsResult;
        try {
          result = await ctx.withApp(async (app) =>
            app
              .get(await jobsService())
              .run<IngestLogsResult>(JobName.IngestLogs, data, (p, counts) =>
                bar.update(p, counts),
              ),
          );
        } finally {
          bar.stop();
        }
        const { files: names, format, lines, parsed, malformed, tools } = result;
        ctx.print(
          !!opts.json,
          opts.json ? { files: names, format, lines, parsed, malformed, tools } : result,
          () => render(result),
        );
        for (const w of result.warnings) ctx.warn(w);
        // a run that read nothing is a failure a script must notice, not a quiet zero
        if (parsed === 0 && result.alreadyIngested.length < names.length)
          throw new Error(`nothing was parsed from ${names.join(', ')}`);
      });
  },
};
