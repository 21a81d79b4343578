import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUnder, OUTSIDE_SCAN_ROOTS, scannablePath } from './scan-roots';

describe(scannablePath.name, () => {
  const base = mkdtempSync(join(tmpdir(), 'aic-roots-'));
  const root = join(base, 'checkouts');
  const outside = join(base, 'secret');
  mkdirSync(join(root, 'app', '.git'), { recursive: true });
  mkdirSync(join(root, 'app', 'src'), { recursive: true });
  mkdirSync(join(root, 'plain'), { recursive: true });
  mkdirSync(join(outside, 'repo', '.git'), { recursive: true });
  writeFileSync(join(root, 'file.txt'), 'x');
  symlinkSync(outside, join(root, 'escape'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('should give the real path of a repository under a root', async () => {
    await expect(scannablePath(join(root, 'app'), [root])).resolves.toBe(join(root, 'app'));
    await expect(scannablePath(join(root, 'app', '..', 'app'), [root])).resolves.toBe(
      join(root, 'app'),
    );
  });

  it('should refuse with one message outside, missing, relative, through a link, or not a repository top', async () => {
    for (const p of [
      outside,
      join(outside, 'repo'),
      join(outside, 'nothing-here'),
      join(root, '..', 'secret'),
      join(root, 'escape', 'repo'),
      join(root, 'missing'),
      join(root, 'file.txt'),
      join(root, 'plain'),
      join(root, 'app', 'src'),
      root,
      'checkouts/app',
    ]) {
      await expect(scannablePath(p, [root])).rejects.toThrow(OUTSIDE_SCAN_ROOTS);
    }
  });

  it('should refuse everything when no root is configured', async () => {
    await expect(scannablePath(join(root, 'app'), [])).rejects.toThrow(OUTSIDE_SCAN_ROOTS);
  });

  it('should not take a sibling with the same prefix for a child', () => {
    expect(isUnder('/srv/checkouts-other/x', ['/srv/checkouts'])).toBe(false);
    expect(isUnder('/srv/checkouts/x', ['/srv/checkouts'])).toBe(true);
  });
});
