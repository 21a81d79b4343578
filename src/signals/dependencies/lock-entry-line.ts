// Lock parsers skip line numbers (they would cost a search per package over files of tens of
// thousands of entries); for the few packages that match a tool, the line is found afterwards
// from how each lock format writes an entry's first line.
import type { DeclaredDependency } from './dependency.types';

type LinePredicate = (trimmed: string) => boolean;

function predicatesFor(format: string, dep: DeclaredDependency): LinePredicate[] {
  const { name, version } = dep;
  switch (format) {
    case 'package-lock.json':
      return [
        (l) => l.startsWith(`"node_modules/${name}"`),
        (l) => l.startsWith('"') && l.includes(`/node_modules/${name}"`),
        (l) => l.startsWith(`"${name}": {`),
      ];
    case 'pnpm-lock.yaml':
      return [
        (l) => version !== undefined && l.replace(/^['/]+/, '').startsWith(`${name}@${version}`),
        (l) => version !== undefined && l.startsWith(`/${name}/${version}`),
        (l) => l.replace(/^'/, '').startsWith(`${name}:`),
      ];
    case 'yarn.lock':
      return [(l) => l.replace(/^"/, '').startsWith(`${name}@`)];
    case 'poetry.lock':
    case 'uv.lock':
    case 'Cargo.lock':
      return [(l) => l === `name = "${name}"`];
    case 'Pipfile.lock':
      return [(l) => l.startsWith(`"${name}": {`)];
    case 'composer.lock':
      return [(l) => l.startsWith(`"name": "${name}"`)];
    default:
      return [];
  }
}

/** The 1-based line where a lock file's entry for the dependency starts, if it can be told. */
export function findLockEntryLine(
  lines: readonly string[],
  format: string,
  dep: DeclaredDependency,
): number | undefined {
  for (const predicate of predicatesFor(format, dep)) {
    for (let i = 0; i < lines.length; i++) {
      if (predicate(lines[i].trim())) return i + 1;
    }
  }
  return undefined;
}
