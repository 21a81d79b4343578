// The I/O edge of ingest: a log file as a byte stream (gzip transparent, by magic bytes),
// resumable at a byte offset of the decompressed text, plus its head and fingerprint.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

const CHUNK = 1 << 20;

export async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await fh.read(b, 0, 2, 0);
    return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

async function* skipBytes(src: AsyncIterable<Buffer>, skip: number): AsyncIterable<Buffer> {
  let left = skip;
  for await (const chunk of src) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** The file's text as chunks, from fromOffset (bytes of the decompressed text). */
export async function openLogStream(path: string, fromOffset = 0): Promise<AsyncIterable<Buffer>> {
  if (await isGzip(path)) {
    const gunzip = createReadStream(path, { highWaterMark: CHUNK }).pipe(
      createGunzip({ chunkSize: CHUNK }),
    );
    return fromOffset > 0 ? skipBytes(gunzip, fromOffset) : gunzip;
  }
  return createReadStream(path, { highWaterMark: CHUNK, start: fromOffset });
}

/** The first lines of the (decompressed) text, for format detection. */
export async function readHeadLines(
  path: string,
  maxLines = 30,
  maxBytes = 256 << 10,
): Promise<string[]> {
  const parts: Buffer[] = [];
  let size = 0;
  const stream = await openLogStream(path);
  for await (const chunk of stream) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= maxBytes || (chunk.includes(10) && countNewlines(parts) >= maxLines)) break;
  }
  const text = Buffer.concat(parts).subarray(0, maxBytes).toString('utf8');
  return text.split('\n').slice(0, maxLines);
}

function countNewlines(parts: Buffer[]): number {
  let n = 0;
  for (const p of parts) for (let i = p.indexOf(10); i >= 0; i = p.indexOf(10, i + 1)) n++;
  return n;
}

export interface FileFingerprint {
  fingerprint: string;
  size: number;
}

/**
 * sha256 of the whole content. The name plays no part: a log copied or uploaded under another
 * name is the same log, and is ingested once (a head-only hash would need the name to tell
 * apart rotated files of one size, and so counted a renamed copy twice).
 */
export async function fingerprintFile(path: string): Promise<FileFingerprint> {
  const { size } = await stat(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }))
    hash.update(chunk as Buffer);
  return { fingerprint: `sha256:${hash.digest('hex')}`, size };
}
