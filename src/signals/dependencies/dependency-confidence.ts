// Manifests in fixtures, examples and vendored folders show that a package exists in the
// repository, not that the project uses it: the evidence is kept at a lower confidence.

interface FolderRule {
  folders: ReadonlySet<string>;
  confidence: number;
  reason: string;
}

const RULES: FolderRule[] = [
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
    confidence: 0.2,
    reason: 'manifest in a vendored folder',
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
    confidence: 0.3,
    reason: 'manifest in a test fixtures folder',
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
    confidence: 0.5,
    reason: 'manifest in an examples folder',
  },
];

/** The lowered confidence and its reason for a manifest path, or undefined for full confidence. */
export function manifestConfidence(
  path: string,
): { confidence: number; reason: string } | undefined {
  const folders = path.toLowerCase().split('/').slice(0, -1);
  let lowest: { confidence: number; reason: string } | undefined;
  for (const rule of RULES) {
    const folder = folders.find((f) => rule.folders.has(f));
    if (folder && (!lowest || rule.confidence < lowest.confidence)) {
      lowest = { confidence: rule.confidence, reason: `${rule.reason} (${folder}/)` };
    }
  }
  return lowest;
}
