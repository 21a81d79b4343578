import { createHash } from 'node:crypto';
import type { ToolInfo } from './sarif.renderer';
import type { ToolView } from './scan-report';

const ECOSYSTEM_PURL: Record<string, string> = {
  npm: 'npm',
  pypi: 'pypi',
  go: 'golang',
  maven: 'maven',
  nuget: 'nuget',
  cargo: 'cargo',
  rubygems: 'gem',
  packagist: 'composer',
};

/**
 * A CycloneDX 1.6 AI-BOM of one repository: each AI tool is a component with the evidence that it
 * is used; AI SDK dependencies are library components with a package URL.
 */
export function renderCycloneDx(
  repository: string,
  tools: ToolView[],
  lookup: (toolId: string) => ToolInfo | undefined,
  now = new Date(),
): object {
  const components: object[] = [];
  for (const t of tools) {
    const info = lookup(t.toolId);
    const located = t.signals.filter((s) => s.path);
    const signals = [...new Set(t.signals.map((s) => s.signal))].sort();
    components.push({
      type: 'application',
      'bom-ref': `tool:${t.toolId}`,
      name: info?.name ?? t.toolId,
      ...(info?.vendor ? { supplier: { name: info.vendor } } : {}),
      description: `AI tool seen through ${signals.join(', ')}`,
      properties: [
        { name: 'ai-census:toolId', value: t.toolId },
        ...signals.map((s) => ({ name: 'ai-census:signal', value: s })),
        { name: 'ai-census:traces', value: String(t.signals.length) },
        {
          name: 'ai-census:confidence',
          value: String(Math.max(...t.signals.map((s) => s.confidence))),
        },
      ],
      ...(located.length
        ? {
            evidence: {
              occurrences: located.slice(0, 100).map((s) => ({
                location: s.path,
                ...(s.line ? { line: s.line } : {}),
                additionalContext: s.signal,
              })),
            },
          }
        : {}),
    });
    for (const s of t.signals.filter((x) => x.signal === 'dependency')) {
      const eco = ECOSYSTEM_PURL[String(s.detail.ecosystem)] ?? String(s.detail.ecosystem);
      const name = String(s.detail.package);
      const version =
        typeof s.detail.version === 'string'
          ? s.detail.version.replace(/^[\^~=<>\s]+/, '')
          : undefined;
      const purl = `pkg:${eco}/${name.startsWith('@') ? `%40${name.slice(1)}` : name}${version && /^[\w.+-]+$/.test(version) ? `@${version}` : ''}`;
      components.push({
        type: 'library',
        'bom-ref': `dep:${eco}:${name}:${s.path}`,
        name,
        ...(version ? { version } : {}),
        purl,
        scope: s.detail.scope === 'runtime' ? 'required' : 'optional',
        properties: [
          { name: 'ai-census:toolId', value: t.toolId },
          { name: 'ai-census:direct', value: String(s.detail.direct) },
        ],
        evidence: { occurrences: [{ location: s.path, ...(s.line ? { line: s.line } : {}) }] },
      });
    }
  }
  const services = mcpServices(tools);
  const serial = createHash('sha256').update(`${repository}|${now.toISOString()}`).digest('hex');
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${serial.slice(0, 8)}-${serial.slice(8, 12)}-4${serial.slice(13, 16)}-8${serial.slice(17, 20)}-${serial.slice(20, 32)}`,
    version: 1,
    metadata: {
      timestamp: now.toISOString(),
      tools: { components: [{ type: 'application', name: 'ai-census' }] },
      component: { type: 'application', 'bom-ref': `repo:${repository}`, name: repository },
      properties: [{ name: 'ai-census:kind', value: 'ai-bom' }],
    },
    components,
    ...(services.length ? { services } : {}),
    dependencies: [
      {
        ref: `repo:${repository}`,
        dependsOn: [...components, ...services].map((c) => (c as { 'bom-ref': string })['bom-ref']),
      },
    ],
  };
}

/**
 * MCP servers as CycloneDX services: the endpoint a remote one is reached at, and a data flow
 * per thing it reaches (both ways when it can write). Env and header names, never values.
 */
function mcpServices(tools: ToolView[]): object[] {
  const out: object[] = [];
  for (const t of tools) {
    for (const s of t.signals.filter((x) => x.signal === 'mcp-server')) {
      const d = s.detail;
      const catalog =
        typeof d.catalog === 'object' && d.catalog !== null
          ? (d.catalog as { id: string; publisher: string; reaches: string[]; canWrite: boolean })
          : undefined;
      const reaches = catalog?.reaches ?? ['unknown'];
      const pkg =
        typeof d.package === 'string'
          ? `${d.package}${typeof d.version === 'string' ? `@${d.version}` : ''}`
          : undefined;
      out.push({
        'bom-ref': `mcp:${s.path}:${String(d.server)}`,
        name: String(d.server),
        ...(catalog ? { provider: { name: catalog.publisher } } : {}),
        ...(typeof d.url === 'string' ? { endpoints: [d.url] } : {}),
        authenticated: (d.headerNames as string[] | undefined)?.length ? true : undefined,
        'x-trust-boundary': typeof d.url === 'string',
        data: reaches.map((r) => ({
          flow: catalog?.canWrite ? 'bi-directional' : catalog ? 'inbound' : 'unknown',
          classification: r,
        })),
        properties: [
          { name: 'ai-census:client', value: t.toolId },
          { name: 'ai-census:transport', value: String(d.transport) },
          { name: 'ai-census:catalog', value: catalog?.id ?? 'unknown' },
          ...(pkg ? [{ name: 'ai-census:package', value: `${String(d.ecosystem)}:${pkg}` }] : []),
          ...((d.envNames as string[] | undefined) ?? []).map((n) => ({
            name: 'ai-census:env',
            value: n,
          })),
          ...((d.headerNames as string[] | undefined) ?? []).map((n) => ({
            name: 'ai-census:header',
            value: n,
          })),
          { name: 'ai-census:location', value: `${s.path ?? ''}${s.line ? `:${s.line}` : ''}` },
        ],
      });
    }
  }
  return out;
}
