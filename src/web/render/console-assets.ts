import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file the console serves under /assets/<name>, fingerprinted for caching and SRI. */
export interface ConsoleAsset {
  name: string;
  file: string;
  contentType: string;
  /** first 12 hex digits of its SHA-256: the `?v=` of its URL */
  version: string;
  /** Subresource Integrity of the exact bytes served */
  integrity: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Chart.js from node_modules (its UMD build sets window.Chart); never a CDN. */
function chartJsFile(): string {
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/**
 * Every file of src/web/assets (copied to dist by the build) plus the vendored Chart.js, read once
 * at boot. A name is a flat file name; pages refer to assets by it.
 */
export function loadConsoleAssets(
  dir = path.join(__dirname, '..', 'assets'),
): Map<string, ConsoleAsset> {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && TYPES[path.extname(e.name)])
    .map((e) => path.join(dir, e.name));
  const out = new Map<string, ConsoleAsset>();
  for (const file of [...files, chartJsFile()]) {
    const body = fs.readFileSync(file);
    const name = path.basename(file);
    if (out.has(name)) throw new Error(`two console assets are named ${name}`);
    out.set(name, {
      name,
      file,
      contentType: TYPES[path.extname(name)],
      version: createHash('sha256').update(body).digest('hex').slice(0, 12),
      integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
      body,
    });
  }
  return out;
}
