import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { chunkBuffers, fileChunks, fileChunksBlocking, openLogStream } from './log-source';

async function readAll(stream: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

describe(openLogStream.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'aic-log-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const text = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${(i * 7919) % 104729}\n`).join(
    '',
  );

  it('should read a whole gzip file and report no stop', async () => {
    const path = join(dir, 'whole.log.gz');
    writeFileSync(path, gzipSync(text));
    const sut = await openLogStream(path);
    await expect(readAll(sut)).resolves.toBe(text);
    expect(sut.stopped).toBeUndefined();
  });

  it('should keep the text before the break of a truncated gzip and say where it broke', async () => {
    const path = join(dir, 'cut.log.gz');
    const gz = gzipSync(text);
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const sut = await openLogStream(path);
    const got = await readAll(sut);
    expect(got.length).toBeGreaterThan(text.length * 0.3);
    expect(text.startsWith(got)).toBe(true);
    expect(sut.stopped).toEqual({ atByte: got.length, reason: 'unexpected end of file' });
  });

  it('should refuse a gzip that inflates past its ratio, naming the file', async () => {
    const path = join(dir, 'bomb.log.gz');
    writeFileSync(path, gzipSync(Buffer.alloc(40 << 20, 'a\n')));
    const sut = await openLogStream(path, 0, {
      name: 'bomb.log.gz',
      limits: { maxRatio: 100, maxBytes: 2 ** 40 },
    });
    const error = await readAll(sut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.TooLarge);
    expect((error as DomainError).message).toMatch(
      /^bomb\.log\.gz: the gzip data inflates past 16777216 bytes \(LOG_MAX_INFLATE_RATIO allows 100 times its \d+ bytes\)/,
    );
  });

  it('should refuse a gzip that inflates past the byte limit', async () => {
    const path = join(dir, 'big.log.gz');
    writeFileSync(path, gzipSync(text));
    const sut = await openLogStream(path, 0, { limits: { maxRatio: 1000, maxBytes: 100_000 } });
    await expect(readAll(sut)).rejects.toThrow(
      /^big\.log\.gz: the gzip data inflates past 100000 bytes \(LOG_MAX_INFLATED_BYTES is 100000\)/,
    );
  });
});

describe(fileChunksBlocking.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'aic-file-chunks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // past a few read buffers, with bytes that tell every position apart
  const bytes = Buffer.from(Array.from({ length: 3_500_000 }, (_, i) => (i * 31 + (i >> 8)) & 255));
  const file = join(dir, 'range.log');
  writeFileSync(file, bytes);

  it.each([
    [0, bytes.length],
    [1, 2_100_001],
    [1_048_575, bytes.length],
    [7, 7],
  ])('should read the bytes [%d, %d) as fileChunks reads them', async (start, end) => {
    // each chunk is copied at once: its buffer is the reader's again two chunks later
    const blocking = [...fileChunksBlocking(file, start, end)].map((c) => Buffer.from(c));
    const parts: Buffer[] = [];
    for await (const c of fileChunks(file, start, end)) parts.push(Buffer.from(c));
    expect(Buffer.concat(blocking).equals(bytes.subarray(start, end))).toBe(true);
    expect(blocking.map((c) => c.length)).toEqual(parts.map((c) => c.length));
  });

  it('should read into the buffers it is given, and stop at the end of the file', () => {
    const own = chunkBuffers();
    const chunks = [...fileChunksBlocking(file, bytes.length - 10, bytes.length + 100, own)];
    expect(chunks.map((c) => c.buffer)).toEqual([own[0].buffer]);
    expect(Buffer.concat(chunks).equals(bytes.subarray(bytes.length - 10))).toBe(true);
  });
});
