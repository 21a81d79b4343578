import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';
import { startProcess, stopProcess, waitFor } from './support/processes';

/** Lines of Squid's native format, one request each, from alice to `host`. */
function squidLines(hosts: string[], start: number): string {
  return hosts
    .map(
      (host, i) =>
        `${start + i}.000    10 10.0.0.5 TCP_TUNNEL/200 2048 CONNECT ${host}:443 alice@corp.example HIER_DIRECT/10.1.1.1 -`,
    )
    .join('\n')
    .concat('\n');
}

/** A worker that booted before the catalog changed must still match on the changed catalog. */
describe('catalog changes reach a running worker process', () => {
  let t: TestApp;
  let worker: ReturnType<typeof startProcess> | undefined;

  beforeAll(async () => {
    t = await createTestApp({ redis: true });
    worker = startProcess('worker.js', t.env);
    await waitFor(() => (worker!.output().includes('ready') ? true : undefined), 'worker ready');
  });
  afterAll(async () => {
    if (worker) await stopProcess(worker);
    await t.close();
  });

  async function ingest(name: string, body: string) {
    const res = await t.http
      .post(`/api/network/uploads?name=${name}`)
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(body))
      .expect(202);
    const job = await waitForJob(t, res.body.jobId, 60_000);
    expect(job.state).toBe('completed');
    return job.result as { parsed: number; tools: Record<string, { requests: number }> };
  }

  const acme = (domains: string[]) => ({
    id: 'acme-gateway',
    name: 'Acme LLM gateway',
    vendor: 'Acme',
    category: 'llm-api',
    rules: { domains },
  });

  it('should attribute lines to a custom tool created after the worker started', async () => {
    await t.http
      .post('/api/catalog/custom-tools')
      .set(bearer(t.tokens.coe))
      .send(acme(['llm.acme.example']))
      .expect(201);
    const result = await ingest(
      'custom.log',
      squidLines(['llm.acme.example', 'eu.llm.acme.example', 'www.example.org'], 1764403200),
    );
    expect(result.parsed).toBe(3);
    expect(result.tools['acme-gateway']).toMatchObject({ requests: 2 });
  });

  it('should use an override of a built-in tool and a later edit of a custom tool', async () => {
    const chatgpt = await t.http
      .get('/api/catalog/tools/chatgpt')
      .set(bearer(t.tokens.coe))
      .expect(200);
    const { id, name, vendor, category, rules } = chatgpt.body;
    await t.http
      .post('/api/catalog/custom-tools')
      .set(bearer(t.tokens.coe))
      .send({
        id,
        name,
        vendor,
        category,
        rules: { ...rules, domains: [...rules.domains, 'chat.acme-proxy.example'] },
      })
      .expect(201);
    await t.http
      .put('/api/catalog/custom-tools/acme-gateway')
      .set(bearer(t.tokens.coe))
      .send(acme(['llm.acme.example', 'ai.acme.example']))
      .expect(200);
    const result = await ingest(
      'override.log',
      squidLines(['chat.acme-proxy.example', 'ai.acme.example', 'ai.acme.example'], 1764403300),
    );
    expect(result.tools).toMatchObject({
      chatgpt: { requests: 1 },
      'acme-gateway': { requests: 2 },
    });
  });
});
