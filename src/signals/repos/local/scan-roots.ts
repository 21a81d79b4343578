import { access, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { DomainError, ErrorCode } from '../../../common/domain-error';

/** One answer for every refused path, so a caller learns nothing about what lies outside. */
export const OUTSIDE_SCAN_ROOTS =
  'this path may not be scanned through the API: it must be the top of a git checkout under one of the LOCAL_SCAN_ROOTS';

export function isUnder(path: string, roots: readonly string[]): boolean {
  return roots.some(
    (root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep),
  );
}

/**
 * The real path of a repository's top directory under one of `roots` (real paths themselves), or
 * a Forbidden error. Symbolic links are followed before the check, so a link inside a root cannot
 * lead out; only a repository's top is accepted, so git cannot climb from a sub-folder to a
 * repository above the root; a missing path is refused like an outside one, so nothing about
 * paths outside can be probed.
 */
export async function scannablePath(requested: string, roots: readonly string[]): Promise<string> {
  const refuse = () => new DomainError(ErrorCode.Forbidden, OUTSIDE_SCAN_ROOTS);
  if (!isAbsolute(requested) || !isUnder(resolve(requested), roots)) throw refuse();
  const real = await realpath(requested).catch(() => undefined);
  if (!real || !isUnder(real, roots)) throw refuse();
  if (!(await stat(real)).isDirectory() || !(await isRepositoryTop(real))) throw refuse();
  return real;
}

/** a work tree (`.git` folder or worktree file) or a bare repository */
async function isRepositoryTop(dir: string): Promise<boolean> {
  const exists = (p: string) =>
    access(join(dir, p)).then(
      () => true,
      () => false,
    );
  if (await exists('.git')) return true;
  return (await exists('HEAD')) && (await exists('objects')) && (await exists('refs'));
}
