import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { permissionError } from './github-client';

/** The error a plain Octokit (no retries) throws for one request to `baseUrl`. */
async function errorFrom(baseUrl: string): Promise<unknown> {
  try {
    await new Octokit({ baseUrl, log: { debug() {}, info() {}, warn() {}, error() {} } }).request(
      'GET /orgs/acme/repos',
    );
  } catch (err) {
    return err;
  }
  throw new Error('the request succeeded');
}

describe(permissionError.name, () => {
  let server: Server;
  let status = 403;
  let url: string;
  const permission = 'repository permission "Metadata: read"';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'no' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('should say the connection was refused, not name a permission, when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const sut = permissionError(await errorFrom(`http://127.0.0.1:${port}`), 'acme', permission);
    expect(sut.message).toBe(
      'could not reach GitHub while reading acme: connection refused (check GITHUB_API_URL and the network)',
    );
    expect(sut.code).toBe('unavailable');
  });

  it('should say GitHub is failing when it answers 5xx', async () => {
    status = 502;
    const sut = permissionError(await errorFrom(url), 'acme', permission);
    expect(sut.message).toMatch(/^GitHub answered HTTP 502 while reading acme; .*try again later$/);
    expect(sut.message).not.toMatch(/Metadata/);
  });

  it('should still name the permission on 403', async () => {
    status = 403;
    const sut = permissionError(await errorFrom(url), 'acme', permission);
    expect(sut.message).toBe(`could not read acme (HTTP 403): the token needs ${permission}`);
    expect(sut.code).toBe('permission');
  });
});
