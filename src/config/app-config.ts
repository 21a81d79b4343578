import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { EnvSchema, LogLevelName, SECRET_VARIABLES } from './env.schema';

export class ConfigError extends Error {}

/** Validated, typed configuration. The only place that reads the environment. */
export class AppConfig {
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  readonly redisPrefix: string;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** the unauthenticated metrics listener's port, when one is wanted */
  readonly metricsPort?: number;
  readonly logLevel: LogLevelName;
  readonly githubApiUrl: string;
  readonly githubGitHistory: 'clone' | 'api';
  readonly privacyK: number;
  /** SURVEY_BENCHMARKS_FILE, resolved; undefined: the built-in benchmarks */
  readonly surveyBenchmarksFile?: string;
  readonly jobConcurrency: number;
  readonly jobAttempts: number;
  readonly jobLockMs: number;
  readonly uploadMaxBytes: number;
  /** bounds on what one gzip log may inflate to */
  readonly logInflateLimits: { maxRatio: number; maxBytes: number };
  readonly chromiumPath: string;
  readonly riskWeights: Record<string, number>;
  readonly networkWatchDir?: string;
  /** real paths of the directories the API may scan local checkouts under */
  readonly localScanRoots: readonly string[];
  readonly networkCheckpointLines: number;
  /** network ingest threads (1: none) and the file size from which a file uses them */
  readonly ingestWorkers: number;
  readonly ingestParallelMinBytes: number;
  /** the WebAssembly line sieve settles common log lines (INGEST_SIEVE) */
  readonly ingestSieve: boolean;
  readonly smtpFrom: string;
  /** without a trailing slash */
  readonly publicUrl?: string;
  /** person findings under pseudonyms for their readers; reveals need a second, privacy approver */
  readonly pseudonymisedTriage: boolean;
  readonly revealTtlMs: number;
  readonly revealNotifyPerson: boolean;
  readonly organisationName: string;
  /** console sessions: idle and absolute lifetimes, in milliseconds */
  readonly consoleSession: { idleMs: number; maxMs: number };
  /** where a person asks for their own data (PRIVACY_CONTACT) */
  readonly privacyContact?: string;
  /** stated retention in days per data kind; undefined: no period set */
  readonly retentionDays: { evidence?: number; surveys?: number; audit?: number };
  // Secrets are not enumerable, so a stray JSON.stringify(config) or console.log cannot leak them.
  declare readonly githubToken?: string;
  declare readonly surveyPseudonymKey?: string;
  declare readonly smtpUrl?: string;
  declare readonly triagePseudonymKey?: string;
  /** current key first, then the previous one (a rotation in progress) */
  declare readonly connectorKeys: readonly Buffer[];
  readonly seatIdleDays: number;
  /** what a connector reads within its vendor: the GitHub organisation, the ChatGPT workspace */
  private readonly connectorScopes: Readonly<Record<string, string | undefined>>;
  /** monthly price of one seat, by tool id */
  readonly seatPrices: Readonly<Record<string, number>>;

  constructor(env: EnvSchema) {
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.metricsPort = env.METRICS_PORT;
    this.redisPrefix = env.REDIS_PREFIX;
    this.dataDir = path.resolve(env.AI_CENSUS_DATA_DIR);
    this.port = env.PORT;
    this.host = env.HOST;
    this.logLevel = env.LOG_LEVEL;
    this.githubApiUrl = env.GITHUB_API_URL.replace(/\/+$/, '');
    this.githubGitHistory = env.GITHUB_GIT_HISTORY;
    this.privacyK = env.PRIVACY_K_DEFAULT;
    this.surveyBenchmarksFile = env.SURVEY_BENCHMARKS_FILE
      ? path.resolve(env.SURVEY_BENCHMARKS_FILE)
      : undefined;
    this.jobConcurrency = env.JOB_CONCURRENCY;
    this.jobAttempts = env.JOB_ATTEMPTS;
    this.jobLockMs = env.JOB_LOCK_MS;
    this.uploadMaxBytes = env.UPLOAD_MAX_BYTES;
    this.logInflateLimits = {
      maxRatio: env.LOG_MAX_INFLATE_RATIO,
      maxBytes: env.LOG_MAX_INFLATED_BYTES,
    };
    this.chromiumPath = env.CHROMIUM_PATH;
    this.riskWeights = parseRiskWeights(env.RISK_WEIGHTS);
    this.networkWatchDir = env.NETWORK_WATCH_DIR ? path.resolve(env.NETWORK_WATCH_DIR) : undefined;
    this.networkCheckpointLines = env.NETWORK_CHECKPOINT_LINES;
    this.ingestWorkers = env.INGEST_WORKERS;
    this.ingestParallelMinBytes = env.INGEST_PARALLEL_MIN_BYTES;
    this.ingestSieve = env.INGEST_SIEVE === 'on';
    this.localScanRoots = parseScanRoots(env.LOCAL_SCAN_ROOTS);
    this.smtpFrom = env.SMTP_FROM;
    this.publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '');
    this.pseudonymisedTriage = env.PSEUDONYMISED_TRIAGE === 'true';
    if (this.pseudonymisedTriage && !env.TRIAGE_PSEUDONYM_KEY)
      throw new Error(
        'PSEUDONYMISED_TRIAGE=true needs TRIAGE_PSEUDONYM_KEY (at least 32 characters) to make the pseudonyms',
      );
    this.revealTtlMs = env.REVEAL_TTL_SECONDS * 1000;
    this.revealNotifyPerson = env.REVEAL_NOTIFY_PERSON === 'true';
    Object.defineProperty(this, 'triagePseudonymKey', {
      value: env.TRIAGE_PSEUDONYM_KEY,
      enumerable: false,
    });
    this.organisationName = env.ORGANISATION_NAME.trim();
    if (env.CONSOLE_SESSION_IDLE_SECONDS > env.CONSOLE_SESSION_MAX_SECONDS)
      throw new Error(
        `CONSOLE_SESSION_IDLE_SECONDS (${env.CONSOLE_SESSION_IDLE_SECONDS}) must not exceed CONSOLE_SESSION_MAX_SECONDS (${env.CONSOLE_SESSION_MAX_SECONDS})`,
      );
    this.consoleSession = {
      idleMs: env.CONSOLE_SESSION_IDLE_SECONDS * 1000,
      maxMs: env.CONSOLE_SESSION_MAX_SECONDS * 1000,
    };
    this.privacyContact = env.PRIVACY_CONTACT?.trim();
    this.retentionDays = {
      evidence: env.RETENTION_EVIDENCE_DAYS,
      surveys: env.RETENTION_SURVEY_DAYS,
      audit: env.RETENTION_AUDIT_DAYS,
    };
    Object.defineProperty(this, 'smtpUrl', { value: env.SMTP_URL, enumerable: false });
    Object.defineProperty(this, 'connectorKeys', {
      value: [env.CONNECTOR_CREDENTIALS_KEY, env.CONNECTOR_CREDENTIALS_KEY_PREVIOUS]
        .filter((k): k is string => !!k)
        .map((k) => Buffer.from(k, 'base64')),
      enumerable: false,
    });
    this.seatIdleDays = env.SEAT_IDLE_DAYS;
    this.connectorScopes = {
      'github-copilot': env.GITHUB_ORG,
      chatgpt: env.CHATGPT_WORKSPACE_ID,
    };
    this.seatPrices = parseSeatPrices(env.SEAT_PRICES);
    Object.defineProperty(this, 'githubToken', { value: env.GITHUB_TOKEN, enumerable: false });
    Object.defineProperty(this, 'surveyPseudonymKey', {
      value: env.SURVEY_PSEUDONYM_KEY,
      enumerable: false,
    });
  }

  get embeddedDatabase(): boolean {
    return !this.databaseUrl;
  }

  get embeddedJobs(): boolean {
    return !this.redisUrl;
  }

  /** A description safe to log: which backends, never credentials. */
  describe(): string {
    const db = this.databaseUrl
      ? `PostgreSQL at ${redactUrl(this.databaseUrl)}`
      : `embedded PGlite in ${this.dataDir}`;
    const jobs = this.redisUrl
      ? `Bull on Redis at ${redactUrl(this.redisUrl)}`
      : 'in-process job runner';
    return `${db}; ${jobs}`;
  }

  /** Loads and validates; throws ConfigError naming every bad variable. */
  /** The organisation or workspace a connector reads, from the environment validated at boot. */
  connectorScope(connectorId: string): string | undefined {
    return this.connectorScopes[connectorId];
  }

  static fromEnv(env: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
    const known = Object.keys(new EnvSchema());
    const raw: Record<string, unknown> = {};
    for (const key of [
      ...known,
      'DATABASE_URL',
      'REDIS_URL',
      'GITHUB_TOKEN',
      'SURVEY_PSEUDONYM_KEY',
      'CONNECTOR_CREDENTIALS_KEY',
      'CONNECTOR_CREDENTIALS_KEY_PREVIOUS',
      'SEAT_PRICES',
      'RISK_WEIGHTS',
      'NETWORK_WATCH_DIR',
      'LOCAL_SCAN_ROOTS',
      'SMTP_URL',
      'PUBLIC_URL',
      'PRIVACY_CONTACT',
      'RETENTION_EVIDENCE_DAYS',
      'RETENTION_SURVEY_DAYS',
      'RETENTION_AUDIT_DAYS',
      'TRIAGE_PSEUDONYM_KEY',
    ]) {
      if (env[key] !== undefined) raw[key] = env[key];
    }
    const parsed = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
    const errors = validateSync(parsed, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      const lines = errors.map((e) => {
        const reasons = Object.values(e.constraints ?? {})
          .map((r) => r.replace(new RegExp(`^${e.property} `), ''))
          .join(', ');
        const shown = SECRET_VARIABLES.has(e.property)
          ? '(value hidden)'
          : JSON.stringify(raw[e.property]);
        return `${e.property}: ${reasons} (got ${shown})`;
      });
      throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
    }
    try {
      return new AppConfig(parsed);
    } catch (e) {
      throw new ConfigError(`Invalid configuration: ${(e as Error).message}`);
    }
  }
}

function parseRiskWeights(raw: string | undefined): Record<string, number> {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('RISK_WEIGHTS must be a JSON object of factor name to number');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('RISK_WEIGHTS must be a JSON object of factor name to number');
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new Error(`RISK_WEIGHTS.${k} must be a non-negative number`);
    }
    out[k] = v;
  }
  return out;
}

function parseScanRoots(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(':')
    .filter((r) => r.trim() !== '')
    .map((root) => {
      if (!path.isAbsolute(root)) throw new Error(`LOCAL_SCAN_ROOTS: "${root}" is not absolute`);
      let real: string;
      try {
        real = realpathSync(root);
      } catch {
        throw new Error(`LOCAL_SCAN_ROOTS: "${root}" does not exist`);
      }
      if (!statSync(real).isDirectory())
        throw new Error(`LOCAL_SCAN_ROOTS: "${root}" is not a directory`);
      return real;
    });
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** SEAT_PRICES: a JSON object of tool id → monthly price of one seat (a number ≥ 0). */
export function parseSeatPrices(raw: string | undefined): Record<string, number> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SEAT_PRICES: must be a JSON object such as {"cursor": 40}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('SEAT_PRICES: must be a JSON object such as {"cursor": 40}');
  const out: Record<string, number> = {};
  for (const [tool, price] of Object.entries(parsed)) {
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0)
      throw new Error(`SEAT_PRICES: the price of "${tool}" must be a number of 0 or more`);
    out[tool] = price;
  }
  return out;
}
