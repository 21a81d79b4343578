import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DemoReply {
  status?: number;
  body: unknown;
  contentType?: string;
}

/**
 * A vendor's admin API answered on loopback for the demo, so its data comes through the real
 * connector. `handle` gets the URL and the request body; the server lives for one sync.
 */
export async function serveDemoVendor(
  handle: (url: URL, body: string, req: IncomingMessage) => DemoReply,
): Promise<{ url: string; stop: () => Promise<void> }> {
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = handle(new URL(req.url ?? '/', base), Buffer.concat(chunks).toString(), req);
      res.statusCode = reply.status ?? 200;
      res.setHeader('content-type', reply.contentType ?? 'application/json');
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
