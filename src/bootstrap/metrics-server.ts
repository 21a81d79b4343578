import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry } from '../common/metrics';

/**
 * The METRICS_PORT listener: /metrics and a liveness /health, no token. It is meant for the
 * cluster network (a scraper, a probe); the Kubernetes Service does not expose it.
 */
export async function startMetricsServer(port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return void res.writeHead(405).end();
    if (path === '/health') {
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    }
    if (path !== '/metrics') return void res.writeHead(404).end();
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metricsRegistry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  server.unref();
  return server;
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
