import type { Signal } from '../../catalog/catalog.types';
import type { ResolvableKind } from '../../people/identity/identity-kinds';
import type { MalformedLines } from './connectors/ndjson';

export const CONNECTOR_IDS = [
  'github-copilot',
  'cursor',
  'anthropic',
  'openai',
  'chatgpt',
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
  /** how `email` identifies the holder: an e-mail address unless the vendor knows a login only */
  identityKind?: ResolvableKind;
  /** other metadata the vendor gives (role, projects, editor), for the evidence detail */
  detail?: Record<string, string | number | boolean>;
}

/** One day of recorded use of a tool by one person, metadata only (never prompt content). */
export interface VendorUsageDay {
  toolId: string;
  email: string;
  /** how `email` identifies the user: an e-mail address unless the vendor knows a login only */
  identityKind?: ResolvableKind;
  /** YYYY-MM-DD, UTC */
  day: string;
  /** requests, sessions or accepted suggestions the vendor counted that day */
  count: number;
  /** what the count counts, and other figures the vendor gives, for the evidence detail */
  detail: Record<string, string | number | boolean>;
}

/** An OAuth grant an identity provider recorded: a person let an app act on their work account. */
export interface OAuthGrant {
  toolId: string;
  email: string;
  /** the OAuth client the person authorised */
  clientId: string;
  /** the app's name as the identity provider shows it */
  appName: string;
  scopes: string[];
  /** YYYY-MM-DD, UTC, of the grant */
  day: string;
}

/** Sign-ins of one person to one app on one day, as the identity provider recorded them. */
export interface SsoSignin {
  toolId: string;
  email: string;
  appName: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  count: number;
  /** false for non-interactive sign-ins (a client app refreshing a token); default interactive */
  interactive?: boolean;
}

/**
 * One day of a GitHub organisation's Copilot usage-metrics report (the `day_totals` of the
 * organization report), aggregate figures only; field names follow the report's own.
 */
export interface CopilotOrgDay {
  org: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  dailyActiveUsers: number;
  /** distinct users over the 7 days ending on `day` */
  weeklyActiveUsers: number;
  /** distinct users over the 28 days ending on `day` */
  monthlyActiveUsers: number;
  monthlyActiveChatUsers: number;
  monthlyActiveAgentUsers: number;
  dailyActiveCliUsers: number;
  /** user_initiated_interaction_count: chat, agent and CLI prompts */
  interactions: number;
  /** code_generation_activity_count: suggestions shown and code generated */
  generations: number;
  /** code_acceptance_activity_count */
  acceptances: number;
  locSuggestedToAdd: number;
  locAdded: number;
  locDeleted: number;
}

/** What one page of a connector's reading holds, committed before its cursor moves. */
export interface ConnectorBatch {
  seats?: VendorSeat[];
  usage?: VendorUsageDay[];
  grants?: OAuthGrant[];
  signins?: SsoSignin[];
  /** organisation-level days of the Copilot usage-metrics report */
  copilotOrgDays?: CopilotOrgDay[];
  /** lines of the files read for this batch that were not JSON, counted and sampled */
  malformed?: MalformedLines;
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
  /** what the connector reads within the vendor: the GitHub organisation (--org, else GITHUB_ORG),
   * the ChatGPT workspace (CHATGPT_WORKSPACE_ID) */
  org?: string;
}

export interface ConnectorHttp {
  json<T>(path: string, init?: ConnectorRequest): Promise<T>;
  /** the text of a signed download link the vendor handed out, fetched without the credential */
  download(url: string, permission: string): Promise<string>;
  /** the JSON body and the `rel="next"` URL of a `Link` header (absolute), for APIs that page so */
  jsonWithNext<T>(path: string, init?: ConnectorRequest): Promise<{ body: T; next: string | null }>;
  /** an OAuth2 token request (form-encoded POST) to `url`, sent without the connector's headers */
  token<T>(url: string, form: Record<string, string>, permission: string): Promise<T>;
  readonly requests: number;
}

export interface ConnectorRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** headers beside the connector's own (a token the connector obtained itself) */
  headers?: Record<string, string>;
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
  /** the credential from the environment when it is made of several variables; default credentialEnv */
  credentialFromEnv?(env: NodeJS.ProcessEnv): string | undefined;
  /** how the vendor wants the credential sent */
  authorization(credential: string): Record<string, string>;
  /** one cheap call that needs the same rights as a sync */
  testConnection(ctx: ConnectorContext): Promise<void>;
  sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch>;
  /** the export files of the vendor this connector reads with --file, for help and errors */
  exportFormats?: string;
  /** reads one export file into a batch; bad rows are named, the good ones kept */
  importFile?(text: string, now: Date): ExportImport;
}

/** A row of an export file that could not be read: where and which field. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ExportImport {
  /** what the file was read as, e.g. "Amazon Q Developer user activity report (CSV)" */
  format: string;
  rows: number;
  batch: ConnectorBatch;
  rejected: RowError[];
}
