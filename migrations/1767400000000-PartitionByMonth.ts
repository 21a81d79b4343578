import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Network roll-ups (by `day`) and evidence (by `created_at`, the month a trace was first recorded,
 * which never changes: a re-seen trace stays where it is) become partitioned by month, so that
 * retention can drop a whole month instead of deleting row by row.
 *
 * Each table is converted the same way: the old one is renamed out of the way with its indexes,
 * the partitioned one is created under the old name (primary and unique keys gain the partition
 * key, as PostgreSQL requires), a partition is made for every month holding rows plus the next
 * ones, rows are moved, the old table is dropped. The id sequence is kept, so ids continue.
 */
export class PartitionByMonth1767400000000 implements MigrationInterface {
  name = 'PartitionByMonth1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ENSURE_PARTITION_FUNCTION);
    await q.query(`ALTER TABLE network_usage_daily RENAME TO network_usage_daily_old`);
    await renameIndexes(q, NETWORK_INDEXES, '', '_old');
    await q.query(`ALTER SEQUENCE network_usage_daily_id_seq OWNED BY NONE`);
    await q.query(`
      CREATE TABLE network_usage_daily (
        ${NETWORK_COLUMNS},
        CONSTRAINT network_usage_daily_pkey PRIMARY KEY (id, day),
        CONSTRAINT network_usage_daily_key UNIQUE (identity_kind, identity_value, tool_id, day)
      ) PARTITION BY RANGE (day)`);
    await q.query(
      `CREATE INDEX network_usage_daily_tool_day_idx ON network_usage_daily (tool_id, day)`,
    );
    await partitionAndMove(q, 'network_usage_daily', 'day', NETWORK_COLUMN_NAMES);

    await q.query(`ALTER TABLE evidence RENAME TO evidence_old`);
    await renameIndexes(q, EVIDENCE_INDEXES, '', '_old');
    await q.query(`ALTER SEQUENCE evidence_id_seq OWNED BY NONE`);
    await q.query(`
      CREATE TABLE evidence (
        ${EVIDENCE_COLUMNS},
        CONSTRAINT evidence_pkey PRIMARY KEY (id, created_at),
        CONSTRAINT evidence_fingerprint_key UNIQUE (fingerprint, created_at)
      ) PARTITION BY RANGE (created_at)`);
    await q.query(`CREATE INDEX evidence_tool_idx ON evidence (tool_id)`);
    await q.query(`CREATE INDEX evidence_identity_idx ON evidence (identity_kind, identity_value)`);
    await q.query(`CREATE INDEX evidence_repository_idx ON evidence (repository)`);
    await q.query(`CREATE INDEX evidence_last_seen_idx ON evidence (last_seen)`);
    await partitionAndMove(q, 'evidence', `created_at AT TIME ZONE 'UTC'`, EVIDENCE_COLUMN_NAMES);
  }

  async down(q: QueryRunner): Promise<void> {
    await unpartition(q, 'network_usage_daily', NETWORK_COLUMN_NAMES, NETWORK_INDEXES, [
      `ALTER TABLE network_usage_daily ADD CONSTRAINT network_usage_daily_pkey PRIMARY KEY (id)`,
      `ALTER TABLE network_usage_daily ADD CONSTRAINT network_usage_daily_key UNIQUE (identity_kind, identity_value, tool_id, day)`,
      `CREATE INDEX network_usage_daily_tool_day_idx ON network_usage_daily (tool_id, day)`,
    ]);
    await unpartition(q, 'evidence', EVIDENCE_COLUMN_NAMES, EVIDENCE_INDEXES, [
      `ALTER TABLE evidence ADD CONSTRAINT evidence_pkey PRIMARY KEY (id)`,
      `ALTER TABLE evidence ADD CONSTRAINT evidence_fingerprint_key UNIQUE (fingerprint)`,
      `CREATE INDEX evidence_tool_idx ON evidence (tool_id)`,
      `CREATE INDEX evidence_identity_idx ON evidence (identity_kind, identity_value)`,
      `CREATE INDEX evidence_repository_idx ON evidence (repository)`,
    ]);
    await q.query(`DROP FUNCTION month_partition_ensure(regclass, date)`);
  }
}

const NETWORK_COLUMNS = `
  id bigint NOT NULL DEFAULT nextval('network_usage_daily_id_seq'),
  identity_kind text NOT NULL
    CONSTRAINT network_usage_daily_identity_kind_check CHECK (identity_kind IN ('username', 'email', 'ip', 'person')),
  identity_value text NOT NULL,
  tool_id text NOT NULL,
  day date NOT NULL,
  requests bigint NOT NULL DEFAULT 0,
  bytes_up bigint NOT NULL DEFAULT 0,
  bytes_down bigint NOT NULL DEFAULT 0,
  blocked bigint NOT NULL DEFAULT 0,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()`;
const NETWORK_COLUMN_NAMES = `id, identity_kind, identity_value, tool_id, day, requests, bytes_up,
  bytes_down, blocked, first_seen, last_seen, updated_at`;
const NETWORK_INDEXES = [
  'network_usage_daily_pkey',
  'network_usage_daily_key',
  'network_usage_daily_tool_day_idx',
];

const EVIDENCE_COLUMNS = `
  id bigint NOT NULL DEFAULT nextval('evidence_id_seq'),
  fingerprint text NOT NULL,
  tool_id text NOT NULL,
  signal text NOT NULL,
  source_run_id text,
  repository text,
  identity_kind text,
  identity_value text,
  confidence real NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  count bigint NOT NULL DEFAULT 1,
  bytes bigint NOT NULL DEFAULT 0,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;
const EVIDENCE_COLUMN_NAMES = `id, fingerprint, tool_id, signal, source_run_id, repository,
  identity_kind, identity_value, confidence, first_seen, last_seen, count, bytes, detail,
  created_at, updated_at`;
const EVIDENCE_INDEXES = [
  'evidence_pkey',
  'evidence_fingerprint_key',
  'evidence_tool_idx',
  'evidence_identity_idx',
  'evidence_repository_idx',
];

/**
 * Makes the partition `<table>_pYYYY_MM` for the month of `month` (UTC) if missing, moving that
 * month's rows out of the default partition first (attaching refuses while the default holds
 * any). Used by this migration and by the partition maintenance job; serialised per table.
 */
const ENSURE_PARTITION_FUNCTION = `
CREATE FUNCTION month_partition_ensure(parent regclass, month date) RETURNS boolean
LANGUAGE plpgsql AS $fn$
DECLARE
  base text := (SELECT relname FROM pg_class WHERE oid = parent);
  part text := base || '_p' || to_char(month, 'YYYY_MM');
  dflt text := base || '_default';
  key text := (SELECT a.attname FROM pg_partitioned_table p
                 JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
                WHERE p.partrelid = parent);
  keytype regtype := (SELECT a.atttypid::regtype FROM pg_partitioned_table p
                        JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
                       WHERE p.partrelid = parent);
  lo date := date_trunc('month', month)::date;
  hi date := (date_trunc('month', month) + interval '1 month')::date;
  lo_lit text;
  hi_lit text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('month_partition_ensure:' || base));
  IF to_regclass(part) IS NOT NULL THEN
    RETURN false;
  END IF;
  IF keytype = 'date'::regtype THEN
    lo_lit := quote_literal(lo::text);
    hi_lit := quote_literal(hi::text);
  ELSE
    lo_lit := quote_literal(lo::text || ' 00:00:00+00');
    hi_lit := quote_literal(hi::text || ' 00:00:00+00');
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, base);
  IF to_regclass(dflt) IS NOT NULL THEN
    EXECUTE format(
      'WITH moved AS (DELETE FROM %I WHERE %I >= %s AND %I < %s RETURNING *) INSERT INTO %I SELECT * FROM moved',
      dflt, key, lo_lit, key, hi_lit, part);
  END IF;
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)',
                 base, part, lo_lit, hi_lit);
  RETURN true;
END
$fn$`;

async function renameIndexes(q: QueryRunner, names: string[], from: string, to: string) {
  for (const name of names) await q.query(`ALTER INDEX ${name}${from} RENAME TO ${name}${to}`);
}

/** A default partition, one per month that holds rows and the three months from now; then the rows. */
/** `month` is an SQL expression giving a row's month in UTC. */
async function partitionAndMove(q: QueryRunner, table: string, month: string, columns: string) {
  await q.query(`CREATE TABLE ${table}_default PARTITION OF ${table} DEFAULT`);
  await q.query(
    `SELECT month_partition_ensure('${table}'::regclass, m::date)
       FROM (SELECT DISTINCT date_trunc('month', ${month}) AS m FROM ${table}_old
             UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + n * interval '1 month'
               FROM generate_series(0, 2) n) months
      ORDER BY m`,
  );
  await q.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_old ORDER BY id`,
  );
  await q.query(`ALTER SEQUENCE ${table}_id_seq OWNED BY ${table}.id`);
  await q.query(`DROP TABLE ${table}_old`);
}

async function unpartition(
  q: QueryRunner,
  table: string,
  columns: string,
  indexes: string[],
  recreate: string[],
) {
  await q.query(`ALTER TABLE ${table} RENAME TO ${table}_partitioned`);
  await renameIndexes(q, indexes, '', '_partitioned');
  await q.query(`ALTER SEQUENCE ${table}_id_seq OWNED BY NONE`);
  await q.query(
    `CREATE TABLE ${table} (LIKE ${table}_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
  );
  await q.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_partitioned ORDER BY id`,
  );
  await q.query(`DROP TABLE ${table}_partitioned`);
  for (const sql of recreate) await q.query(sql);
  await q.query(`ALTER SEQUENCE ${table}_id_seq OWNED BY ${table}.id`);
}
