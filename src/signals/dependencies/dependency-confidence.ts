// How sure a dependency makes us, from the confidence table: by how it is declared (direct or
// transitive, runtime, dev or optional) and where (fixtures, examples and vendored folders show
// that a package exists in the repository, not that the project uses it).
import { CONFIDENCE, type ConfidenceKind } from '../../evidence/confidence';
import type { DeclaredDependency } from './dependency.types';

const FOLDER_KINDS: { folders: ReadonlySet<string>; kind: ConfidenceKind; label: string }[] = [
  {
    folders: new Set([
      'vendor',
      'vendored',
      'third_party',
      'third-party',
      'thirdparty',
      'site-packages',
      '.venv',
      'venv',
    ]),
    kind: 'dependencyVendored',
    label: 'manifest in a vendored folder',
  },
  {
    folders: new Set([
      'fixtures',
      'fixture',
      '__fixtures__',
      'testdata',
      'test-data',
      'test_data',
      '__mocks__',
      'mocks',
      '__snapshots__',
    ]),
    kind: 'dependencyFixture',
    label: 'manifest in a test fixtures folder',
  },
  {
    folders: new Set([
      'examples',
      'example',
      'samples',
      'sample',
      'demo',
      'demos',
      'cookbook',
      'tutorials',
      'templates',
      'boilerplate',
    ]),
    kind: 'dependencyExample',
    label: 'manifest in an examples folder',
  },
];

/** The lowered confidence and its reason for a manifest path, or undefined when no folder rule applies. */
export function manifestConfidence(
  path: string,
): { confidence: number; reason: string } | undefined {
  const folders = path.toLowerCase().split('/').slice(0, -1);
  let lowest: { confidence: number; reason: string } | undefined;
  for (const rule of FOLDER_KINDS) {
    const folder = folders.find((f) => rule.folders.has(f));
    const confidence = CONFIDENCE[rule.kind].confidence;
    if (folder && (!lowest || confidence < lowest.confidence)) {
      lowest = { confidence, reason: `${rule.label} (${folder}/)` };
    }
  }
  return lowest;
}

function declarationKind(d: Pick<DeclaredDependency, 'direct' | 'scope'>): ConfidenceKind {
  if (!d.direct) return 'dependencyTransitive';
  switch (d.scope) {
    case 'runtime':
      return 'dependencyRuntime';
    case 'optional':
    case 'peer':
      return 'dependencyOptional';
    case 'dev':
    case 'test':
    case 'build':
      return 'dependencyDev';
  }
}

/** Confidence of one declaration: the lower of its declaration kind and its folder. */
export function dependencyConfidence(
  d: Pick<DeclaredDependency, 'direct' | 'scope' | 'manifestPath'>,
): { confidence: number; reason: string } {
  const kind = CONFIDENCE[declarationKind(d)];
  const folder = manifestConfidence(d.manifestPath);
  if (folder && folder.confidence < kind.confidence) return folder;
  return { confidence: kind.confidence, reason: `${kind.trace}: ${kind.reason}` };
}
