import { REPO_ROOT } from '../support/processes';
import {
  identityKindLists,
  progressCallbackTypes,
  readSources,
  sharedTypeNames,
  typesFilesReexportingValues,
  type SourceFile,
} from './source-rules';

const file = (path: string, text: string): SourceFile => ({ path, text });

describe('source rules: one name, one home', () => {
  const src = readSources(REPO_ROOT);

  it('should give each exported type name to one thing only', () => {
    expect(src.length).toBeGreaterThan(100);
    expect(sharedTypeNames(src)).toEqual([]);
    expect(
      sharedTypeNames([
        file('src/a/a.ts', 'export interface Disclosure { id: string }'),
        file('src/b/b.ts', "export type Disclosure = 'disclosed' | 'undisclosed';"),
        file('src/c/c.ts', 'interface Disclosure { local: true }'),
      ]),
    ).toEqual(['Disclosure: src/a/a.ts, src/b/b.ts']);
  });

  it('should keep values out of the re-exports of types files', () => {
    expect(typesFilesReexportingValues(src)).toEqual([]);
    expect(
      typesFilesReexportingValues([
        file('src/d/dep.types.ts', "export { detect, type Match } from './discovery';"),
        file(
          'src/d/ok.types.ts',
          "export type { Match } from './discovery';\nexport { type Rule } from './rule';",
        ),
        file('src/d/all.types.ts', "export * from './discovery';"),
        file('src/d/index.ts', "export { detect } from './discovery';"),
      ]),
    ).toEqual([
      "src/d/dep.types.ts: export { detect, type Match } from './discovery';",
      "src/d/all.types.ts: export * from './discovery';",
    ]);
  });

  it('should declare the progress callback once, in the jobs layer', () => {
    expect(progressCallbackTypes(src)).toEqual([]);
    expect(
      progressCallbackTypes([
        file('src/x/x.service.ts', 'export type Progress = (percent: number) => void;'),
        file('src/y/y.ts', 'interface O {\n  onProgress?: (pct: number, step: string) => void;\n}'),
        file('src/jobs/job.types.ts', 'export type ProgressCallback = (percent: number) => void;'),
      ]),
    ).toEqual(['src/x/x.service.ts:1', 'src/y/y.ts:2']);
  });

  it('should list identity kinds only in the people module', () => {
    expect(identityKindLists(src)).toEqual([]);
    expect(
      identityKindLists([
        file('src/n/n.types.ts', "export type Kind = 'username' | 'email' | 'ip';"),
        file('src/p/p.dto.ts', "export const KINDS = ['email', 'github', 'ip'] as const;"),
        file('src/r/r.ts', "type K = Extract<IdentityKind, 'commit-email' | 'github'>;"),
        file('src/s/s.ts', "type Key = 'email' | 'token' | 'id';"),
        file('src/t/t.ts', "type Rule = 'email' | 'username' | 'email-local-part';"),
        file(
          'src/people/identity/identity-kinds.ts',
          "export const IDENTITY_KINDS = ['email', 'ip'];",
        ),
      ]),
    ).toEqual(['src/n/n.types.ts:1', 'src/p/p.dto.ts:1']);
  });
});
