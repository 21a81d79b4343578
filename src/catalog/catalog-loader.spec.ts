import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCatalog, loadCatalogDir, parseCatalogFile } from './catalog-loader';
import { CatalogValidationError } from './catalog-validator';

describe('catalog loader', () => {
  it('should load the built-in catalog with origin builtin and unique ids', () => {
    const sut = loadBuiltinCatalog();
    expect(sut.length).toBeGreaterThan(0);
    expect(new Set(sut.map((t) => t.id)).size).toBe(sut.length);
    expect(sut.every((t) => t.origin === 'builtin')).toBe(true);
  });

  it('should hand each caller its own array', () => {
    const a = loadBuiltinCatalog();
    a.pop();
    expect(loadBuiltinCatalog().length).toBe(a.length + 1);
  });

  it('should name file, tool and field when a definition is invalid', () => {
    const yaml = [
      'tools:',
      '  - id: Bad_Id',
      '    name: x',
      '    vendor: y',
      '    category: coding-assistant',
      '    rules: {}',
      '  - id: good-id',
      '    name: Good',
      '    vendor: v',
      '    category: chat',
      '    rules:',
      '      domains: [com, "https://x.example.com"]',
      '      packages: { pip: [x] }',
      '      commitIdentities: [{ emailPattern: "bot@x" }, { name: Devin }]',
      '      messageMarkers: [cursor]',
      '      userAgents: ["(unclosed"]',
      '      colour: red',
      '    vendorRisk:',
      '      retention: { value: 30 days, source: "http://x.example", checked: yesterday }',
    ].join('\n');
    const { tools, problems } = parseCatalogFile(yaml, 'data/bad.yaml');
    expect(tools).toEqual([]);
    const lines = problems.map((p) => `${p.file} ${p.toolId ?? '-'} ${p.field}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'data/bad.yaml Bad_Id id',
        'data/bad.yaml good-id category',
        'data/bad.yaml good-id rules.domains[0]',
        'data/bad.yaml good-id rules.domains[1]',
        'data/bad.yaml good-id rules.packages.pip',
        'data/bad.yaml good-id rules.commitIdentities[0].emailPattern',
        'data/bad.yaml good-id rules.commitIdentities[1].name',
        'data/bad.yaml good-id rules.messageMarkers[0]',
        'data/bad.yaml good-id rules.userAgents[0]',
        'data/bad.yaml good-id rules.colour',
        'data/bad.yaml good-id vendorRisk',
      ]),
    );
  });

  it('should report a YAML syntax error with its line', () => {
    const { problems } = parseCatalogFile('tools:\n  - id: x\n   name: [', 'data/broken.yaml');
    expect(problems[0].file).toBe('data/broken.yaml');
    expect(problems[0].field).toMatch(/^line \d+$/);
  });

  it('should reject a tool id defined in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const body = 'tools:\n  - { id: same, name: Same, vendor: v, category: other, rules: {} }\n';
    writeFileSync(join(dir, 'a.yaml'), body);
    writeFileSync(join(dir, 'b.yaml'), body);
    expect(() => loadCatalogDir(dir)).toThrow(CatalogValidationError);
    expect(() => loadCatalogDir(dir)).toThrow(/tool "same": id is also defined in/);
  });
});
