// Streams one uploaded file (a raw body or the first file part of a multipart body) to a spool
// folder under a size limit, hashing it on the way. Over the limit the rest of the body is
// drained, not the socket destroyed, so the caller still reads the 413.
import Busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { basename, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, ErrorCode } from './domain-error';

export interface SpooledFile {
  path: string;
  /** the file name the client gave, made safe for a path */
  name: string;
  bytes: number;
  /** `sha256:<hex>` of the content: what identifies an upload, whatever its name */
  sha256: string;
}

export interface SpoolOptions {
  dir: string;
  maxBytes: number;
  /** the name of a raw-body upload (a multipart part carries its own) */
  name?: string;
  defaultName: string;
}

type UploadRequest = Readable & { headers: IncomingHttpHeaders };

/** room for a multipart body's boundary lines and part headers around its one file */
const MULTIPART_SLACK = 64 * 1024;
/** how long a refused body is read and dropped before the answer goes anyway */
const DRAIN_MS = 30_000;

/** Reads the rest of the body and drops it; resolves at its end, on an error or after `ms`. */
function drained(req: Readable, ms: number): Promise<void> {
  return new Promise((done) => {
    if (req.readableEnded) return done();
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      req.off('end', finish).off('close', finish).off('error', finish);
      done();
    }
    req.on('end', finish).on('close', finish).on('error', finish);
    req.resume();
  });
}

export async function spoolUpload(req: UploadRequest, opts: SpoolOptions): Promise<SpooledFile> {
  const type = req.headers['content-type'] ?? '';
  const multipart = type.startsWith('multipart/form-data');
  // A body that says it is over the limit is refused before a byte is written or hashed. The
  // answer waits until the body has been read and dropped: a server that answers while the
  // client still sends may close the connection under it, and the client then sees a broken
  // pipe instead of the 413. A body of unknown length is counted as it streams.
  const declared = Number(req.headers['content-length']);
  if (declared > opts.maxBytes + (multipart ? MULTIPART_SLACK : 0)) {
    await drained(req, DRAIN_MS);
    throw tooLarge(opts.maxBytes);
  }
  await mkdir(opts.dir, { recursive: true });
  return multipart
    ? spoolMultipart(req, opts)
    : spoolStream(req, opts.name ?? opts.defaultName, opts);
}

/** Removes the files that lie under the spool folder (never an operator's own file given by path). */
export async function removeSpooled(paths: string[], spoolDir: string): Promise<void> {
  const root = resolve(spoolDir) + sep;
  for (const p of paths) if (resolve(p).startsWith(root)) await rm(p, { force: true });
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    ErrorCode.TooLarge,
    `upload is larger than the limit of ${maxBytes} bytes (UPLOAD_MAX_BYTES)`,
  );
}

function safeName(name: string, fallback: string): string {
  return (
    basename(name)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 120) || fallback
  );
}

async function spoolStream(src: Readable, name: string, opts: SpoolOptions): Promise<SpooledFile> {
  const clean = safeName(name, opts.defaultName);
  const path = join(opts.dir, `${randomUUID()}-${clean}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (bytes > opts.maxBytes) return cb(tooLarge(opts.maxBytes));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  // Not pipeline(src, …): on an error it would destroy the request and with it the answer.
  const onSourceError = (e: Error) => limit.destroy(e);
  src.on('error', onSourceError);
  src.pipe(limit);
  try {
    await pipeline(limit, createWriteStream(path));
  } catch (error) {
    src.unpipe(limit);
    src.resume();
    await rm(path, { force: true });
    throw error;
  } finally {
    src.off('error', onSourceError);
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw new DomainError(ErrorCode.InvalidInput, 'the upload is empty');
  }
  return { path, name: clean, bytes, sha256: `sha256:${hash.digest('hex')}` };
}

/** The first file part of a multipart body; other parts are drained. */
function spoolMultipart(req: UploadRequest, opts: SpoolOptions): Promise<SpooledFile> {
  return new Promise((resolve, reject) => {
    let bb: Busboy.Busboy;
    try {
      // busboy's own fileSize limit would cut the file short silently; the spool counts instead.
      bb = Busboy({ headers: req.headers, limits: { files: 1 } });
    } catch (error) {
      reject(
        new DomainError(ErrorCode.InvalidInput, `multipart upload: ${(error as Error).message}`),
      );
      return;
    }
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.resume(); // drain what the client still sends, so it reads the answer
      reject(error);
    };
    let spooling: Promise<SpooledFile> | undefined;
    bb.on('file', (_field, stream, info) => {
      if (spooling) {
        stream.resume();
        return;
      }
      spooling = spoolStream(stream, info.filename || opts.defaultName, opts);
      // handled now: an error here must reach the caller, never go unhandled
      spooling.catch(fail);
    });
    bb.on('error', (e: Error) =>
      fail(new DomainError(ErrorCode.InvalidInput, `multipart upload: ${e.message}`)),
    );
    bb.on('close', () => {
      if (!spooling) {
        fail(new DomainError(ErrorCode.InvalidInput, 'multipart upload holds no file part'));
        return;
      }
      spooling.then((file) => {
        if (settled) return void rm(file.path, { force: true });
        settled = true;
        resolve(file);
      }, fail);
    });
    req.pipe(bb);
  });
}
