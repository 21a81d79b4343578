import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { openLogStream } from './log-source';

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
