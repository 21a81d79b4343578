import { randomBytes } from 'node:crypto';
import { bearer, createTestApp, type TestApp, waitForJob } from './test-app';

export interface SyncJson {
  connector: string;
  requests: number;
  evidence: Record<string, number>;
  people: { resolved: number; unresolved: number };
  tools: Record<string, { seats: number; activeUsers: number }>;
  orgMetricsDays?: number;
  malformed?: { count: number; samples: string[] };
}

export interface SyncJob {
  state: string;
  result: SyncJson;
  error: string | null;
}

const DAY = 86_400_000;
export const dayAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** An app that seals credentials, with a directory of the people named in `csv`. */
export async function connectorTestApp(
  csv: string,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const t = await createTestApp({
    env: { CONNECTOR_CREDENTIALS_KEY: randomBytes(32).toString('base64'), ...env },
  });
  const dir = await t.http
    .post('/api/people/imports/csv')
    .set(bearer(t.tokens.coe))
    .send({ fileName: 'directory.csv', csv });
  if (dir.status !== 201) throw new Error(`directory import answered ${dir.status}`);
  return t;
}

export async function storeCredential(t: TestApp, id: string, credential: string, apiUrl: string) {
  const res = await t.http
    .put(`/api/connectors/${id}/credential`)
    .set(bearer(t.tokens.admin))
    .send({ credential, apiUrl });
  if (res.status !== 204) throw new Error(`storing the credential answered ${res.status}`);
}

/** POST /api/connectors/:id/sync as the CoE, then the finished job. */
export async function runSync(t: TestApp, id: string): Promise<SyncJob> {
  const res = await t.http.post(`/api/connectors/${id}/sync`).set(bearer(t.tokens.coe));
  if (res.status !== 202) throw new Error(`sync answered ${res.status}`);
  return (await waitForJob(t, res.body.id as string)) as unknown as SyncJob;
}

export async function connectorCursor(t: TestApp, id: string) {
  const [row] = (await t.dataSource.query(
    `SELECT cursor, last_status FROM connector WHERE connector_id = $1`,
    [id],
  )) as { cursor: Record<string, unknown> | null; last_status: string }[];
  return row;
}
