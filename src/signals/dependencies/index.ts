export * from './dependency.types';
export { detectAiDependencies, isManifestPath, parseManifest } from './dependency-discovery';
