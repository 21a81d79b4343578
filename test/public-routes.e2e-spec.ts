import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './support/processes';
import { createTestApp, type TestApp } from './support/test-app';

/** The public routes the README names: the backticked paths of its "public ones" paragraph. */
function readmePublicPaths(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const paragraph = readme.split(/\n\s*\n/).find((p) => p.includes('except these public ones'));
  if (!paragraph) throw new Error('README.md no longer says which routes are public');
  return [...paragraph.matchAll(/`(\/[^`]*)`/g)].map((m) => m[1]);
}

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('which routes answer without a token', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const isPublic = (path: string, listed: string[]) =>
    listed.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));

  it('should need a token on every route but those the README lists as public', async () => {
    const listed = readmePublicPaths();
    expect(listed).toEqual([
      '/health',
      '/health/ready',
      '/api/docs',
      '/api/docs/',
      '/api/docs-json',
      '/api/docs-yaml',
      '/s/',
      '/g/',
      '/api/endpoints/collector.js',
      '/login',
      '/logout',
      '/assets/',
      '/privacy',
      '/privacy.json',
      '/privacy/history',
      '/privacy/history/',
    ]);
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
    const routes = express.router.stack
      .filter((l) => l.route)
      .flatMap((l) =>
        Object.keys(l.route!.methods).map((m) => ({ method: m, path: l.route!.path })),
      );
    expect(routes.length).toBeGreaterThan(50);
    const open: string[] = [];
    for (const { method, path } of routes) {
      const concrete = path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http[method as 'get'](concrete);
      if (res.status !== 401) open.push(`${method.toUpperCase()} ${path} → ${res.status}`);
    }
    expect(open.filter((e) => !isPublic(e.split(' ')[1], listed))).toEqual([]);
    // and each listed public route is really open
    for (const p of listed.filter((l) => !l.endsWith('/'))) {
      const res = await t.http.get(p);
      expect([p, res.status]).toEqual([p, 200]);
    }
    expect(open.filter((e) => e.includes(' /s/')).length).toBeGreaterThan(0);
  });
});
