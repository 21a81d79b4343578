import { join } from 'node:path';

/** true when the TypeScript runs from source (tests), false when the build in dist/ runs */
export const RUNNING_FROM_SOURCE = __filename.endsWith('.ts');

/** the application's own files: src/ from source, dist/src/ when built (this file is in common/) */
const SOURCE_ROOT = join(__dirname, '..');

/** the package's root: the folder holding package.json, src/, test/ and dist/ */
export const PACKAGE_ROOT = join(SOURCE_ROOT, RUNNING_FROM_SOURCE ? '..' : '../..');
