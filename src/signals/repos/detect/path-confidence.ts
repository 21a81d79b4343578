import { CONFIDENCE, confidenceOf, type ConfidenceKind } from '../../../evidence/confidence';

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

export const LOW_PATH_CONFIDENCE = CONFIDENCE.testOrExampleFile.confidence;
export const MARKER_LIST_CONFIDENCE = CONFIDENCE.markerList.confidence;

export interface PathConfidence {
  confidence: number;
  reason?: string;
}

/** The folder rule alone: full confidence unless the path is under a fixtures/examples/vendored folder. */
export function pathConfidence(path: string): PathConfidence {
  const folders = path.split('/').slice(0, -1);
  for (const folder of folders) {
    const kind = LOW_CONFIDENCE_FOLDERS[folder.toLowerCase()];
    if (kind) return { confidence: LOW_PATH_CONFIDENCE, reason: `under a ${kind} (${folder}/)` };
  }
  return { confidence: 1 };
}

/**
 * The confidence of a trace of this kind at this path (the table's value, lowered for fixtures,
 * examples and vendored folders), with its reason written into the detail.
 */
export function traceConfidence(
  kind: ConfidenceKind,
  path: string | undefined,
  detail: Record<string, unknown>,
): number {
  const base = confidenceOf(kind);
  const folder = path === undefined ? { confidence: 1 } : pathConfidence(path);
  if (folder.reason && folder.confidence < base.confidence) {
    detail.confidenceReason = `${folder.reason}: ${CONFIDENCE.testOrExampleFile.reason}`;
    return folder.confidence;
  }
  detail.confidenceReason = base.reason;
  return base.confidence;
}
