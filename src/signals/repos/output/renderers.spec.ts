import { renderCycloneDx } from './cyclonedx.renderer';
import { renderSarif } from './sarif.renderer';
import type { ToolView } from './scan-report';

const tools: ToolView[] = [
  {
    toolId: 'cursor',
    signals: [
      {
        signal: 'config-file',
        path: '.cursorrules',
        confidence: 1,
        detail: { rule: '.cursorrules' },
      },
      {
        signal: 'commit-trailer',
        commit: 'abc',
        identity: 'ann@acme.test',
        confidence: 1,
        detail: {},
      },
    ],
  },
  {
    toolId: 'openai-api',
    signals: [
      {
        signal: 'dependency',
        path: 'package.json',
        line: 4,
        confidence: 1,
        detail: {
          ecosystem: 'npm',
          package: 'openai',
          version: '^4.52.0',
          scope: 'runtime',
          direct: true,
        },
      },
    ],
  },
];
const lookup = (id: string) =>
  id === 'cursor' ? { name: 'Cursor', vendor: 'Anysphere' } : undefined;

describe(renderSarif.name, () => {
  it('should emit one located result per file trace and one rule per signal when rendering', () => {
    const sut = renderSarif('acme/app', tools, lookup) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sut.version).toBe('2.1.0');
    expect(sut.runs[0].tool.driver.rules.map((r) => r.id)).toEqual([
      'ai-tool/commit-trailer',
      'ai-tool/config-file',
      'ai-tool/dependency',
    ]);
    expect(
      sut.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]),
    ).toEqual([
      ['ai-tool/config-file', 1],
      ['ai-tool/dependency', 4],
    ]);
  });
});

describe(renderCycloneDx.name, () => {
  it('should list tools as applications with evidence and SDKs as libraries with a purl', () => {
    const sut = renderCycloneDx('acme/app', tools, lookup, new Date('2026-11-24T00:00:00Z')) as {
      specVersion: string;
      serialNumber: string;
      components: { type: string; name: string; purl?: string; supplier?: { name: string } }[];
    };
    expect(sut.specVersion).toBe('1.6');
    expect(sut.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(sut.components.map((c) => [c.type, c.name, c.purl ?? c.supplier?.name])).toEqual([
      ['application', 'Cursor', 'Anysphere'],
      ['application', 'openai-api', undefined],
      ['library', 'openai', 'pkg:npm/openai@4.52.0'],
    ]);
  });
});
