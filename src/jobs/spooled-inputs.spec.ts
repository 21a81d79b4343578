import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, ErrorCode } from '../common/domain-error';
import { SYSTEM_ACTOR } from '../auth/role';
import { JobName } from './job-names';
import type { JobContext } from './job.types';
import { consumeSpooled } from './spooled-inputs';

describe(consumeSpooled.name, () => {
  const root = mkdtempSync(join(tmpdir(), 'aic-spooled-'));
  const spoolDir = join(root, 'spool');
  mkdirSync(spoolDir);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const ctx = (lastAttempt: boolean): JobContext<unknown> => ({
    jobId: 'j',
    name: JobName.IngestLogs,
    data: {},
    attempt: 1,
    lastAttempt,
    actor: SYSTEM_ACTOR,
    progress: async () => undefined,
    log: () => undefined,
  });
  const files = () => {
    const spooled = join(spoolDir, `${Math.random()}.log`);
    const own = join(root, `${Math.random()}.log`); // an operator's file, given by path
    writeFileSync(spooled, 'x');
    writeFileSync(own, 'x');
    return { spooled, own, input: { paths: [spooled, own], spoolDir } };
  };

  it('should remove spooled files, and only those, after success', async () => {
    const f = files();
    await expect(consumeSpooled(ctx(false), f.input, async () => 1)).resolves.toBe(1);
    expect([existsSync(f.spooled), existsSync(f.own)]).toEqual([false, true]);
  });

  it('should keep them for the retry of a passing failure, and remove them after the last try', async () => {
    const f = files();
    const fail = async () => {
      throw new Error('connection reset');
    };
    await expect(consumeSpooled(ctx(false), f.input, fail)).rejects.toThrow('connection reset');
    expect(existsSync(f.spooled)).toBe(true);
    await expect(consumeSpooled(ctx(true), f.input, fail)).rejects.toThrow('connection reset');
    expect([existsSync(f.spooled), existsSync(f.own)]).toEqual([false, true]);
  });

  it('should remove them at once when the input is bad, as no retry follows', async () => {
    const f = files();
    const bad = async () => {
      throw new DomainError(ErrorCode.InvalidInput, 'x.log: unknown format');
    };
    await expect(consumeSpooled(ctx(false), f.input, bad)).rejects.toThrow('unknown format');
    expect(existsSync(f.spooled)).toBe(false);
  });
});
