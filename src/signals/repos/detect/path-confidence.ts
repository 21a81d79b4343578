// Folders whose content is usually not the project's own use of a tool: fixtures, examples and
// vendored code copy other people's traces. The trace is kept, with a lower confidence.
const LOW_CONFIDENCE_FOLDERS: Record<string, string> = {
  test: 'test folder',
  tests: 'test folder',
  __tests__: 'test folder',
  spec: 'test folder',
  specs: 'test folder',
  fixture: 'test fixture folder',
  fixtures: 'test fixture folder',
  __fixtures__: 'test fixture folder',
  testdata: 'test fixture folder',
  'test-data': 'test fixture folder',
  example: 'examples folder',
  examples: 'examples folder',
  sample: 'examples folder',
  samples: 'examples folder',
  demo: 'examples folder',
  demos: 'examples folder',
  templates: 'templates folder',
  vendor: 'vendored folder',
  vendored: 'vendored folder',
  third_party: 'vendored folder',
  'third-party': 'vendored folder',
  thirdparty: 'vendored folder',
  external: 'vendored folder',
  node_modules: 'vendored folder',
  bower_components: 'vendored folder',
};

export const LOW_PATH_CONFIDENCE = 0.3;
export const MARKER_LIST_CONFIDENCE = 0.2;

export interface PathConfidence {
  confidence: number;
  reason?: string;
}

export function pathConfidence(path: string): PathConfidence {
  const folders = path.split('/').slice(0, -1);
  for (const folder of folders) {
    const kind = LOW_CONFIDENCE_FOLDERS[folder.toLowerCase()];
    if (kind) return { confidence: LOW_PATH_CONFIDENCE, reason: `under a ${kind} (${folder}/)` };
  }
  return { confidence: 1 };
}

/** Applies the path rule to a trace's detail in place and returns the confidence. */
export function withPathConfidence(path: string, detail: Record<string, unknown>): number {
  const pc = pathConfidence(path);
  if (pc.reason) detail.confidenceReason = pc.reason;
  return pc.confidence;
}
