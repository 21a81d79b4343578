// Network ingest, end to end into PostgreSQL, against `grep -F -c -f domains.txt` on the same
// file as the floor. BENCH_QUICK=1 for a short run; DATABASE_URL to use a given database (else a
// scratch database is created on TEST_PG_URL / the local server and dropped afterwards).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { LOCAL_OPERATOR } from '../src/auth/role';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';
import { AppConfig } from '../src/config/app-config';
import { PeopleService } from '../src/people/people.service';
import { HostMatchCache } from '../src/signals/network/ingest/host-match-cache';
import { LogIngestCore } from '../src/signals/network/ingest/log-ingest-core';
import { runIngest } from '../src/signals/network/ingest/log-ingest-runner';
import { openLogStream } from '../src/signals/network/ingest/log-source';
import { NetworkIngestService } from '../src/signals/network/network-ingest.service';
import { writeSquidLog } from '../src/signals/network/testing/squid-log-generator';
import { scratchDatabase } from './scratch-database';

const TARGET_LINES_PER_S = 3_000_000;

/**
 * The generator's 200 addresses (10.20.x.y) change hands at midnight between its two days, so
 * every IP-only line is looked up in the people module's lease store at its own time.
 */
async function seedLeases(people: PeopleService): Promise<void> {
  const rows = ['email'];
  const leases: string[] = [];
  for (let n = 0; n < 200; n++) {
    const ip = `10.20.${n >> 4}.${n}`;
    rows.push(`p${n}a@corp.example`, `p${n}b@corp.example`);
    leases.push(
      `${ip},p${n}a@corp.example,2025-11-30T00:00:00Z,2025-12-01T00:00:00Z`,
      `${ip},p${n}b@corp.example,2025-12-01T00:00:00Z,`,
    );
  }
  await people.importDirectoryCsv(rows.join('\n'));
  await people.importLeasesCsv(leases.join('\n'), 'leases.csv', { strict: true });
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

export async function run(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const lines = quick ? 500_000 : 5_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'aic-bench-net-'));
  const file = join(dir, 'access.log');
  const domains = join(dir, 'domains.txt');
  const db = await scratchDatabase();
  try {
    let t = process.hrtime.bigint();
    const log = await writeSquidLog(file, lines, { aiShare: 0.05 });
    const mb = statSync(file).size / 1e6;
    process.stdout.write(
      `generated ${lines} Squid lines (${mb.toFixed(0)} MB) in ${seconds(t).toFixed(1)} s\n`,
    );
    // the catalog's literal domain rules: the same scope the matcher works with
    const tools = loadBuiltinCatalog();
    const rules = tools.flatMap((tool) => tool.rules.domains ?? []).filter((d) => !d.includes('*'));
    writeFileSync(domains, rules.join('\n') + '\n');

    // the floor: the cheapest tool that finds the AI lines at all
    t = process.hrtime.bigint();
    const grep = spawnSync('grep', ['-F', '-c', '-f', domains, file], {
      encoding: 'utf8',
      env: { LC_ALL: 'C' },
    });
    const grepS = seconds(t);
    process.stdout.write(
      `grep -F -c -f domains.txt (${rules.length} catalog domains): ${grep.stdout.trim()} lines in ${grepS.toFixed(2)} s\n`,
    );

    // the parse-and-roll-up core alone, no database
    t = process.hrtime.bigint();
    const core = new LogIngestCore({
      parser: 'squid-native',
      hosts: new HostMatchCache(CatalogMatcher.fromTools(tools)),
    });
    await runIngest({ core, chunks: await openLogStream(file) });
    const coreS = seconds(t);
    process.stdout.write(
      `core only: ${(lines / coreS / 1e6).toFixed(2)} M lines/s, ${(mb / coreS).toFixed(0)} MB/s\n`,
    );

    // end to end: fingerprint, detect, parse, match, roll up, commit into PostgreSQL
    const config = AppConfig.fromEnv({
      DATABASE_URL: db.url,
      AI_CENSUS_DATA_DIR: dir,
      LOG_LEVEL: 'error',
    });
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ role: 'cli', config }),
      {
        logger: ['error'],
      },
    );
    try {
      await seedLeases(app.get(PeopleService));
      const rssBefore = process.memoryUsage().rss;
      t = process.hrtime.bigint();
      const result = await app
        .get(NetworkIngestService)
        .ingestFile({ path: file, actor: LOCAL_OPERATOR });
      const e2eS = seconds(t);
      if (
        result.lines !== lines ||
        result.matched !== [...log.expected.values()].reduce((a, e) => a + e.requests, 0)
      ) {
        throw new Error(
          `ingest counted ${result.lines} lines / ${result.matched} AI requests: wrong`,
        );
      }
      const peakMb = process.resourceUsage().maxRSS / 1024;
      const perS = lines / e2eS;
      process.stdout.write(
        [
          `end to end into PostgreSQL: ${e2eS.toFixed(2)} s`,
          `  ${(perS / 1e6).toFixed(2)} M lines/s (target ${TARGET_LINES_PER_S / 1e6} M), ${(mb / e2eS).toFixed(0)} MB/s`,
          `  peak RSS ${peakMb.toFixed(0)} MB (before ingest ${(rssBefore / 2 ** 20).toFixed(0)} MB)`,
          `  ratio to the grep floor: ${(e2eS / grepS).toFixed(2)}x (target <= 4x)`,
          '',
        ].join('\n'),
      );
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}
