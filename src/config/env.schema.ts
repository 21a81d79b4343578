import { Transform, Type } from 'class-transformer';
import { availableParallelism } from 'node:os';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The environment as the service accepts it. Field names are the variable names. */
export class EnvSchema {
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'may hold letters, digits and _ . : - only' })
  REDIS_PREFIX = 'ai-census';

  @IsString()
  @MinLength(1)
  AI_CENSUS_DATA_DIR = './data';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /**
   * A second listener serving only /metrics and /health, without a token, for an in-cluster
   * scraper (the only way to scrape a worker). Unset: the API serves /metrics to admins only.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  GITHUB_TOKEN?: string;

  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  GITHUB_API_URL = 'https://api.github.com';

  /** GitHub scans read history from a blobless git clone (`clone`, sees deleted files) or the API. */
  @IsIn(['clone', 'api'])
  GITHUB_GIT_HISTORY: 'clone' | 'api' = 'clone';

  /** The smallest group a leader-facing aggregate may show. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(2)
  @Max(1000)
  PRIVACY_K_DEFAULT = 5;

  /** A YAML file of published survey benchmarks replacing the built-in one (checked at start). */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  SURVEY_BENCHMARKS_FILE?: string;

  /** Where a person asks for their own data (an e-mail address or a URL), shown on /privacy. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  PRIVACY_CONTACT?: string;

  /** Days evidence, network roll-ups and findings are kept for after they were last seen (stated retention). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(3650)
  RETENTION_EVIDENCE_DAYS?: number;

  /** Days survey answers and invitations are kept for after the survey (stated retention). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(3650)
  RETENTION_SURVEY_DAYS?: number;

  /** Days the audit log is kept for (stated retention). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(3650)
  RETENTION_AUDIT_DAYS?: number;

  /**
   * Seals vendor connector credentials at rest (AES-256-GCM): 32 bytes in base64. Without it,
   * credentials can only come from the environment and are never stored.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  CONNECTOR_CREDENTIALS_KEY?: string;

  /** The key before the last rotation: still opens credentials sealed with it. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  CONNECTOR_CREDENTIALS_KEY_PREVIOUS?: string;

  /** The GitHub organisation the github-copilot connector reads (its --org overrides it). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/, { message: 'must be a GitHub organisation login' })
  GITHUB_ORG?: string;

  /** The ChatGPT Enterprise/Edu workspace the chatgpt connector reads (ChatGPT admin, workspace details). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'must be a ChatGPT workspace id' })
  CHATGPT_WORKSPACE_ID?: string;

  /** Monthly price of one seat per tool, for the cost of idle seats: {"cursor": 40, "github-copilot": 19}. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  SEAT_PRICES?: string;

  /** A seat with no recorded use for this many days is idle. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(365)
  SEAT_IDLE_DAYS = 30;

  /** Key for pseudonymous survey links; generated into the data dir when absent. */
  @IsOptional()
  @Transform(blankToUndefined)
  @MinLength(32, { message: 'must be at least 32 characters' })
  SURVEY_PSEUDONYM_KEY?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(64)
  JOB_CONCURRENCY = 2;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(20)
  JOB_ATTEMPTS = 3;

  /** How long a worker's claim on a Bull job lasts without renewal: a dead worker's job moves on after it. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1000)
  @Max(600_000)
  JOB_LOCK_MS = 30_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1024)
  UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;

  /** A gzip log may inflate to at most this many times its own size (past a 16 MiB allowance). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(2)
  @Max(100_000)
  LOG_MAX_INFLATE_RATIO = 100;

  /** A gzip log may inflate to at most this many bytes. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1024)
  LOG_MAX_INFLATED_BYTES = 16 * 1024 * 1024 * 1024;

  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** A drop folder whose new log files are ingested once each (network signal). */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  NETWORK_WATCH_DIR?: string;

  /**
   * Directories under which `POST /api/repos/scans {"path"}` may scan, separated by `:`; with none,
   * the API scans no local path (the CLI, run by the operator on the machine, is not limited).
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  LOCAL_SCAN_ROOTS?: string;

  /** Network ingest commits roll-ups and its file offset every this many lines. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  NETWORK_CHECKPOINT_LINES = 200_000;

  /**
   * Threads network ingest may use: one large file is split over them, several files run at
   * once, gzip is inflated off the main thread. 1 keeps every file on the main thread.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(256)
  INGEST_WORKERS = availableParallelism();

  /** Files smaller than this are ingested on the main thread: a worker's start-up would dominate. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  INGEST_PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

  /** off: every log line through the TypeScript parsers, without the WebAssembly line sieve. */
  @IsIn(['on', 'off'])
  INGEST_SIEVE: 'on' | 'off' = 'on';

  /** JSON object overriding risk-score weights by factor name. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  RISK_WEIGHTS?: string;

  /** Mail server for survey invitations and reminders; may carry user:password, so it is a secret. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of survey e-mails, e.g. `AI Census <ai-census@example.com>`. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'AI Census <ai-census@localhost>';

  /** Base URL respondents reach the service at (behind a proxy); links use the request's host when unset. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'must be an http(s) URL without query or fragment',
  })
  PUBLIC_URL?: string;

  /** Security and the CoE see person findings under pseudonyms; a reveal needs a privacy approver. */
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  PSEUDONYMISED_TRIAGE: 'true' | 'false' = 'false';

  /** Key of the triage pseudonyms (keyed HMAC of the person id); required with PSEUDONYMISED_TRIAGE. */
  @IsOptional()
  @Transform(blankToUndefined)
  @MinLength(32, { message: 'must be at least 32 characters' })
  TRIAGE_PSEUDONYM_KEY?: string;

  /** How long an approved reveal shows the person to its requester. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(30 * 86_400)
  REVEAL_TTL_SECONDS = 86_400;

  /** Whether the person is told when someone is shown who they are (a notice is recorded). */
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  REVEAL_NOTIFY_PERSON: 'true' | 'false' = 'false';
  /** The organisation's name, shown in the console's header. */
  @IsString()
  @MinLength(1)
  ORGANISATION_NAME = 'Your organisation';

  /** A console session ends after this many seconds without a request. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(7 * 24 * 3600)
  CONSOLE_SESSION_IDLE_SECONDS = 30 * 60;

  /** A console session ends this many seconds after sign-in, however busy. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(30 * 24 * 3600)
  CONSOLE_SESSION_MAX_SECONDS = 12 * 3600;
}

/** What a request that names a GitHub API URL is told: the server's token goes to configuration only. */
export const GITHUB_URL_IS_CONFIGURATION =
  "apiUrl is not accepted: the GitHub API URL is the server's GITHUB_API_URL, so a request never chooses where the server's token is sent";

/**
 * Variables whose values are never echoed, not even in a validation error: secrets, and URLs an
 * operator may have written with credentials in them.
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'GITHUB_TOKEN',
  'CONNECTOR_CREDENTIALS_KEY',
  'CONNECTOR_CREDENTIALS_KEY_PREVIOUS',
  'GITHUB_API_URL',
  'SURVEY_PSEUDONYM_KEY',
  'TRIAGE_PSEUDONYM_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
]);
