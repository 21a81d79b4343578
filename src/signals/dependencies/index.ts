export * from './dependency.types';
export {
  dependencyFingerprint,
  toDependencyEvidence,
  type DependencyEvidenceContext,
} from './dependency-evidence';
