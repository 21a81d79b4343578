import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig } from '../../src/config/app-config';
import { CorrelationService } from '../../src/findings/correlation/correlation.service';
import { createTestApp, TestApp } from '../support/test-app';
import { pgUrlFor, TEST_PG_ADMIN_URL } from '../support/test-env';
import type { InMemoryCorrelationSources } from '../support/in-memory-correlation-sources';
import { configFile, correlate, day, fixtureSources, net, record, seat } from './findings-fixture';

const DERIVED = `subject_type, subject_id, tool_id, sanction_status, shadow, strength, disclosure, score,
  tier, factors, signals, repositories, data_classes, evidence_count, bytes, first_seen, last_seen,
  present, correlation_hash, evidence_fingerprints, triage_state`;

const findings = (ds: DataSource) =>
  ds.query(`SELECT ${DERIVED} FROM finding ORDER BY subject_type, subject_id, tool_id`);

/**
 * The database as it stands, copied (pg_dump into a new database), then correlated from scratch
 * there: what an incremental run must equal.
 */
async function fullRunOnCopy(t: TestApp, sources: InMemoryCorrelationSources, now: Date) {
  const source = new URL(t.env.DATABASE_URL).pathname.slice(1);
  const name = `aic_t_copy_${randomBytes(5).toString('hex')}`;
  const admin = new URL(TEST_PG_ADMIN_URL);
  const args = [
    '-h',
    admin.hostname,
    '-p',
    admin.port || '5432',
    '-U',
    admin.username || 'postgres',
  ];
  execFileSync('psql', [...args, '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
  execFileSync('sh', [
    '-c',
    `pg_dump ${args.join(' ')} ${source} | psql -q ${args.join(' ')} -d ${name} >/dev/null`,
  ]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-copy-'));
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      role: 'cli',
      config: AppConfig.fromEnv({
        DATABASE_URL: pgUrlFor(name),
        AI_CENSUS_DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
      }),
      correlationSources: sources,
    }),
    { logger: ['error'] },
  );
  try {
    const ds = app.get(DataSource);
    await ds.query(`DELETE FROM correlation_state`);
    const result = await app.get(CorrelationService).correlate(now);
    return { result, rows: await findings(ds) };
  } finally {
    await app.close();
    execFileSync('psql', [...args, '-d', 'postgres', '-qc', `DROP DATABASE ${name} WITH (FORCE)`]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe(`${CorrelationService.name} (incremental)`, () => {
  let t: TestApp;
  const sources = fixtureSources();

  beforeAll(async () => {
    t = await createTestApp({ correlationSources: sources });
    await record(t, [
      net('p1', 'github-copilot', 1),
      seat('p1'),
      net('p2', 'github-copilot', 3),
      net('p2', 'deepseek', 4, 2_000_000_000),
      configFile('records', 'github-copilot', '.github/copilot-instructions.md'),
      configFile('site', 'cursor', '.cursor/rules/general.mdc'),
    ]);
    await expect(correlate(t)).resolves.toMatchObject({ mode: 'full' });
  });

  afterAll(() => t.close());

  it('should do nothing but cheap checks when nothing changed', async () => {
    const before = await findings(t.dataSource);
    await expect(correlate(t)).resolves.toMatchObject({
      mode: 'unchanged',
      inserted: 0,
      updated: 0,
      absent: 0,
    });
    await expect(findings(t.dataSource)).resolves.toEqual(before);
  });

  it('should end with the findings of a full run on a copy when evidence is added', async () => {
    await record(t, [
      net('p1', 'github-copilot', 2), // an existing pair grows
      net('p3', 'deepseek', 6), // a new pair
      net('p5', 'cursor', 7), // a person not seen before
      net('stranger', 'cursor', 7), // resolves to no one
      configFile('records', 'deepseek', '.deepseek/config.json'), // a new repository pair
      { ...configFile('site', 'cursor', '.cursor/rules/general.mdc'), lastSeen: day(9) }, // re-seen
    ]);
    const expected = await fullRunOnCopy(t, sources, day(30));
    const result = await correlate(t);
    expect(result.mode).toBe('incremental');
    expect(result.aggregates).toBeLessThan(expected.result.aggregates);
    await expect(findings(t.dataSource)).resolves.toEqual(expected.rows);
  });

  it('should re-score only the changed tool when its policy changes, as a full run would', async () => {
    (await sources.policies()).set('cursor', {
      status: 'prohibited',
      allowedDataClasses: [],
      tenantBound: false,
    });
    await record(t, [net('p4', 'deepseek', 8)]);
    const expected = await fullRunOnCopy(t, sources, day(31));
    const result = await correlate(t, day(31));
    expect(result).toMatchObject({ mode: 'incremental' });
    expect(result.updated).toBeGreaterThan(0);
    await expect(findings(t.dataSource)).resolves.toEqual(expected.rows);
  });

  it('should correlate everything again when evidence is removed', async () => {
    await t.dataSource.query(`DELETE FROM evidence WHERE fingerprint = 'net:p4:deepseek:8'`);
    const expected = await fullRunOnCopy(t, sources, day(31));
    await expect(correlate(t, day(31))).resolves.toMatchObject({ mode: 'full', absent: 1 });
    await expect(findings(t.dataSource)).resolves.toEqual(expected.rows);
  });
});
