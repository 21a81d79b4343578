import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT, RUNNING_FROM_SOURCE } from '../common/source-root';

// Parsing ~400 kB of catalog YAML costs about a second of every CLI start on a cold process;
// JSON.parse of the same data costs milliseconds. The build (scripts/copy-assets.js) writes each
// data file's parsed body keyed by its content hash; a file edited after the build misses the
// cache and is parsed as YAML, so the cache can be stale but never wrong.
export const YAML_CACHE_FILE = 'yaml-cache.json';

interface CacheEntry {
  sha1: string;
  body: unknown;
}

const caches = new Map<string, Record<string, CacheEntry> | null>();

/**
 * Where the cache of `root` is: beside its files when built. Run from source (tests), the
 * folder has none of its own and the last build's is read: each entry is still checked by hash.
 */
export function cacheFileOf(root: string): string {
  const own = join(root, YAML_CACHE_FILE);
  if (!RUNNING_FROM_SOURCE || existsSync(own)) return own;
  return join(PACKAGE_ROOT, 'dist', relative(PACKAGE_ROOT, root), YAML_CACHE_FILE);
}

function cacheOf(root: string): Record<string, CacheEntry> | null {
  if (!caches.has(root)) {
    const path = cacheFileOf(root);
    let cache: Record<string, CacheEntry> | null = null;
    try {
      if (existsSync(path))
        cache = JSON.parse(readFileSync(path, 'utf8')) as Record<string, CacheEntry>;
    } catch {
      cache = null; // a broken cache is only a slower start
    }
    caches.set(root, cache);
  }
  return caches.get(root) ?? null;
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export type YamlRead =
  { ok: true; body: unknown } | { ok: false; errors: { line: number | null; message: string }[] };

/**
 * The body of a YAML data file under `root`, from the build's cache when its content is unchanged.
 * Keys must be unique: a repeated key is an error, not a silent override.
 */
export function readYamlFile(root: string, path: string): YamlRead {
  const text = readFileSync(path, 'utf8');
  const hit = cacheOf(root)?.[relative(root, path)];
  if (hit && hit.sha1 === sha1(text)) return { ok: true, body: hit.body };
  return parseYamlText(text);
}

export function parseYamlText(text: string): YamlRead {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ~70 modules, read on a cache miss only
  const { parseDocument } = require('yaml') as typeof import('yaml');
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: e.linePos ? e.linePos[0].line : null,
        message: e.message.split('\n')[0],
      })),
    };
  }
  return { ok: true, body: doc.toJS() as unknown };
}
