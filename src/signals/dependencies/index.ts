export type * from './dependency.types';
export { detectAiDependencies, isManifestPath, parseManifest } from './dependency-discovery';
export {
  dependencyFingerprint,
  toDependencyEvidence,
  type DependencyEvidenceContext,
} from './dependency-evidence';
