// The I/O edge of ingest: a log file as a byte stream (gzip transparent, by magic bytes),
// resumable at a byte offset of the decompressed text, plus its head and fingerprint.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { DomainError, ErrorCode } from '../../../common/domain-error';

const CHUNK = 1 << 20;

/**
 * Buffers for fileChunks that a thread keeps for all the ranges it reads one after another: new
 * ones per range would be fresh memory each time, paid in page faults and collections.
 */
export function chunkBuffers(): Buffer[] {
  return [0, 1, 2].map(() => Buffer.allocUnsafe(CHUNK));
}
/** Small files may inflate past the ratio up to this: a tiny gzip of a repetitive log is no bomb. */
const RATIO_ALLOWANCE = 16 << 20;

export interface InflateLimits {
  maxRatio: number;
  maxBytes: number;
}

/** Where and why a gzip stream stopped being readable before its end (truncated or corrupt). */
export interface StreamStop {
  /** bytes of text read before it stopped */
  atByte: number;
  reason: string;
}

export interface LogStream extends AsyncIterable<Buffer> {
  /** set once the stream has ended early; the text before that point was delivered */
  readonly stopped?: StreamStop;
}

export interface OpenOptions {
  /** the name errors give the file */
  name?: string;
  limits?: InflateLimits;
  /** buffers to read a plain file into (the ingest core's readBuffers()); a gzip has its own */
  readInto?: readonly Buffer[];
}

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

async function* skipBytes(src: AsyncIterable<Buffer>, skip: number): AsyncGenerator<Buffer> {
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

/**
 * The bytes of [start, end) in chunks read into three buffers in turn, the next read already
 * under way while the caller works on a chunk (reading and parsing overlap). A new buffer per
 * chunk would be garbage the size of the file, which costs full collections while every core
 * is busy. So a chunk stays valid only until two more have been asked for: the ingest runner
 * keeps at most the unfinished last line of one chunk (or a copy) while it takes the next.
 */
export async function* fileChunks(
  path: string,
  start = 0,
  end = Infinity,
  /** three buffers from chunkBuffers() to read into, the caller's to reuse once this has ended */
  own?: readonly Buffer[],
): AsyncGenerator<Buffer> {
  // a range shorter than a chunk (a worker's small window) needs no 1 MiB buffers
  const size = Math.max(1, Math.min(CHUNK, end - start));
  const buffers = own ?? [0, 1, 2].map(() => Buffer.allocUnsafe(size));
  const file = await open(path, 'r');
  const readAt = (turn: number, at: number) =>
    file.read(buffers[turn], 0, Math.min(size, end - at), at);
  let pending: ReturnType<typeof readAt> | undefined;
  try {
    let pos = start;
    let turn = 0;
    pending = pos < end ? readAt(turn, pos) : undefined;
    while (pending) {
      const { bytesRead, buffer } = await pending;
      pending = undefined;
      if (bytesRead === 0) return;
      pos += bytesRead;
      turn = (turn + 1) % 3;
      if (pos < end) pending = readAt(turn, pos);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // a caller that stops early leaves a read in flight: let it land before the file closes
    await pending?.catch(() => undefined);
    await file.close();
  }
}

/**
 * fileChunks for a thread with nothing else to do meanwhile (an ingest worker): each read is made
 * on this thread. The copy costs the same CPU either way; handed to libuv's pool, it only adds a
 * hop to another thread and back, and waits for a core while every core is parsing.
 */
export function* fileChunksBlocking(
  path: string,
  start: number,
  end: number,
  own?: readonly Buffer[],
): Generator<Buffer> {
  const size = Math.max(1, Math.min(CHUNK, end - start));
  const buffers = own ?? [0, 1, 2].map(() => Buffer.allocUnsafe(size));
  const fd = openSync(path, 'r');
  try {
    for (let pos = start, turn = 0; pos < end; turn = (turn + 1) % 3) {
      const read = readSync(fd, buffers[turn], 0, Math.min(size, end - pos), pos);
      if (read === 0) return;
      pos += read;
      yield buffers[turn].subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text as chunks, from fromOffset (bytes of the decompressed text). A chunk is valid
 * until the one after the next is read (fileChunks): copy what must outlive that.
 */
export async function openLogStream(
  path: string,
  fromOffset = 0,
  opts: OpenOptions = {},
): Promise<LogStream> {
  if (await isGzip(path)) {
    const { size } = await stat(path);
    const state: { stopped?: StreamStop } = {};
    const text = inflate(path, size, opts, state);
    const chunks = fromOffset > 0 ? skipBytes(text, fromOffset) : text;
    return {
      [Symbol.asyncIterator]: () => chunks[Symbol.asyncIterator](),
      get stopped() {
        return state.stopped;
      },
    };
  }
  return fileChunks(path, fromOffset, Infinity, opts.readInto);
}

/**
 * Gunzips under the limits. A stream that breaks off (a truncated or damaged file) ends where it
 * broke, with the reason kept in `state`: what came before it is good text.
 */
async function* inflate(
  path: string,
  compressedSize: number,
  opts: OpenOptions,
  state: { stopped?: StreamStop },
): AsyncGenerator<Buffer> {
  const name = opts.name ?? basename(path);
  const limits = opts.limits ?? { maxRatio: Infinity, maxBytes: Infinity };
  const byRatio = Math.max(RATIO_ALLOWANCE, compressedSize * limits.maxRatio);
  const allowed = Math.min(limits.maxBytes, byRatio);
  const gunzip = createReadStream(path, { highWaterMark: CHUNK }).pipe(
    createGunzip({ chunkSize: CHUNK }),
  );
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > allowed) {
        const why =
          allowed === limits.maxBytes
            ? `LOG_MAX_INFLATED_BYTES is ${limits.maxBytes}`
            : `LOG_MAX_INFLATE_RATIO allows ${limits.maxRatio} times its ${compressedSize} bytes`;
        throw new DomainError(
          ErrorCode.TooLarge,
          `${name}: the gzip data inflates past ${allowed} bytes (${why}); refused as a likely decompression bomb`,
        );
      }
      yield chunk;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('Z_')) throw error;
    state.stopped = { atByte: inflated, reason: (error as Error).message };
  } finally {
    gunzip.destroy();
  }
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
    parts.push(Buffer.from(chunk)); // the stream reuses its buffers
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

/** Files over this size were fingerprinted by head + size + name before content hashes. */
const LEGACY_HEAD_HASH_OVER = 64 << 20;

/**
 * The fingerprint releases before the content hash gave a file over 64 MiB (first MiB, size and
 * base name), so a file ingested then is still known when it is given again under its old name.
 */
export async function legacyFingerprint(path: string): Promise<string | undefined> {
  const { size } = await stat(path);
  if (size <= LEGACY_HEAD_HASH_OVER) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start: 0, end: CHUNK - 1 }))
    hash.update(chunk as Buffer);
  hash.update(`\0${size}\0${basename(path)}`);
  return `head-sha256:${hash.digest('hex')}`;
}
