import type { Signal } from '../../catalog/catalog.types';

export const CONNECTOR_IDS = [
  'github-copilot',
  'cursor',
  'anthropic',
  'openai',
  'amazon-q',
  'google-workspace',
  'entra',
  'okta',
] as const;
export type ConnectorId = (typeof CONNECTOR_IDS)[number];

/** A seat of the organisation's own tenant: who holds the tool through the organisation. */
export interface VendorSeat {
  toolId: string;
  email: string;
  /** the vendor's own status words (active, pending, removed …), lower-cased */
  status: string;
  /** last day the vendor recorded use by this holder, when it says */
  lastActiveDay: string | null;
}

/** One day of recorded use of a tool by one person, metadata only (never prompt content). */
export interface VendorUsageDay {
  toolId: string;
  email: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  /** requests, sessions or accepted suggestions the vendor counted that day */
  count: number;
  /** what the count counts, and other figures the vendor gives, for the evidence detail */
  detail: Record<string, string | number | boolean>;
}

/** What one page of a connector's reading holds, committed before its cursor moves. */
export interface ConnectorBatch {
  seats?: VendorSeat[];
  usage?: VendorUsageDay[];
  /** the cursor to store once this batch is written; absent keeps the previous one */
  cursor?: Record<string, unknown>;
  /** a seat list that is complete: holders missing from it lost their seat */
  seatsComplete?: boolean;
}

export interface ConnectorContext {
  apiUrl: string;
  credential: string;
  /** what the previous run stored; null on a first run */
  cursor: Record<string, unknown> | null;
  now: Date;
  http: ConnectorHttp;
}

export interface ConnectorHttp {
  json<T>(path: string, init?: ConnectorRequest): Promise<T>;
  readonly requests: number;
}

export interface ConnectorRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** the permission or scope the call needs, named in the error when the vendor refuses it */
  permission: string;
}

export interface VendorConnector {
  id: ConnectorId;
  name: string;
  /** environment variable the CLI and the scheduled job read the credential from */
  credentialEnv: string;
  defaultApiUrl: string;
  /** the signals it records, for the confidence table and the transparency page */
  signals: Signal[];
  /** how the vendor wants the credential sent */
  authorization(credential: string): Record<string, string>;
  /** one cheap call that needs the same rights as a sync */
  testConnection(ctx: ConnectorContext): Promise<void>;
  sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch>;
}
