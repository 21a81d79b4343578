import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DomainError } from './domain-error';
import { spoolUpload } from './upload-spool';

/** A request body with these headers, its bytes written later (or never). */
function request(headers: Record<string, string>): PassThrough & { headers: typeof headers } {
  return Object.assign(new PassThrough(), { headers });
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still waiting')), ms)),
  ]);

describe('spoolUpload', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aic-spool-'));
    dir = join(root, 'spool');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const opts = () => ({ dir, maxBytes: 100, defaultName: 'upload.log' });

  it('should refuse a body whose declared length is over the limit, keeping none of it, once it is read', async () => {
    const raw = request({ 'content-type': 'text/plain', 'content-length': '101' });
    let settled = false;
    const refused = spoolUpload(raw, opts()).finally(() => (settled = true));
    raw.write(Buffer.alloc(60, 0x61));
    await new Promise((r) => setTimeout(r, 50));
    // the answer waits for the rest of the body: a client still sending would see a broken pipe
    expect(settled).toBe(false);
    raw.end(Buffer.alloc(41, 0x61));
    await expect(within(refused, 2_000)).rejects.toMatchObject({ code: 'too-large' });
    const multipart = request({
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(100 + 64 * 1024 + 1),
    });
    const refusedToo = spoolUpload(multipart, opts());
    multipart.end(Buffer.alloc(100 + 64 * 1024 + 1, 0x61));
    await expect(within(refusedToo, 2_000)).rejects.toBeInstanceOf(DomainError);
    // refused on the header alone: not a byte was written to the spool
    expect(existsSync(dir)).toBe(false);
  });

  it('should count a body of unknown or understated length as it streams, and keep nothing', async () => {
    const body = request({ 'content-type': 'text/plain', 'content-length': '10' });
    const spooled = spoolUpload(body, opts());
    body.end(Buffer.alloc(150, 0x61));
    await expect(spooled).rejects.toMatchObject({ code: 'too-large' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('should spool a body within the limit with its size and hash', async () => {
    const body = request({ 'content-type': 'text/plain', 'content-length': '100' });
    const spooled = spoolUpload(body, { ...opts(), name: 'access.log' });
    body.end(Buffer.alloc(100, 0x61));
    const file = await spooled;
    expect(file).toMatchObject({ name: 'access.log', bytes: 100 });
    expect(file.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
