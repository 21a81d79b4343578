import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_CATALOG_DIR } from './catalog-loader';
import { PACKAGE_ROOT } from '../common/source-root';
import { cacheFileOf, parseYamlText, readYamlFile, sha1, YAML_CACHE_FILE } from './yaml-cache';

describe('readYamlFile', () => {
  it('should give what parsing gives for every built-in catalog file, cached or not', () => {
    const files = readdirSync(BUILTIN_CATALOG_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const path = join(BUILTIN_CATALOG_DIR, f);
      expect({ f, read: readYamlFile(BUILTIN_CATALOG_DIR, path) }).toEqual({
        f,
        read: parseYamlText(readFileSync(path, 'utf8')),
      });
    }
  });

  it("should read the last build's cache when the sources run (they have none of their own)", () => {
    expect(cacheFileOf(BUILTIN_CATALOG_DIR)).toBe(
      join(PACKAGE_ROOT, 'dist', 'src', 'catalog', 'data', YAML_CACHE_FILE),
    );
  });

  describe('with a cache beside the files', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'aic-yaml-cache-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const write = (text: string, entry: { sha1: string; body: unknown }) => {
      writeFileSync(join(root, 'tools.yaml'), text);
      writeFileSync(join(root, YAML_CACHE_FILE), JSON.stringify({ 'tools.yaml': entry }));
      return join(root, 'tools.yaml');
    };

    it('should answer from the cache while the file is what it was built from', () => {
      const text = 'tools: []\n';
      const path = write(text, { sha1: sha1(text), body: { tools: ['from the cache'] } });
      expect(readYamlFile(root, path)).toEqual({ ok: true, body: { tools: ['from the cache'] } });
    });

    it('should parse a file edited since, never trusting the stale entry', () => {
      const path = write('tools: [edited]\n', {
        sha1: sha1('tools: []\n'),
        body: { tools: ['stale'] },
      });
      expect(readYamlFile(root, path)).toEqual({ ok: true, body: { tools: ['edited'] } });
    });
  });
});
