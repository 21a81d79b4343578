import { parsePackageJson } from './package-json.parser';
import { parsePackageLock } from './package-lock.parser';
import { parsePnpmLock, splitPnpmPackageKey } from './pnpm-lock.parser';
import { parseYarnLock } from './yarn-lock.parser';

const pick = (deps: Array<{ name: string }>, name: string) => deps.filter((d) => d.name === name);

describe(parsePackageJson.name, () => {
  it('should report each dependency map with its scope and line when the manifest is well formed', () => {
    const content = `{
  "name": "support-bot",
  "version": "1.2.0",
  "dependencies": {
    "openai": "^4.52.0",
    "express": "5.1.0"
  },
  "devDependencies": {
    "@anthropic-ai/sdk": "~0.27.0",
    "jest": "^30.0.0"
  },
  "optionalDependencies": { "fsevents": "^2.3.3" },
  "peerDependencies": { "langchain": ">=0.2" }
}
`;
    const sut = parsePackageJson({ path: 'apps/bot/package.json', content });
    expect(sut.warnings).toEqual([]);
    expect(pick(sut.dependencies, 'openai')).toEqual([
      {
        ecosystem: 'npm',
        name: 'openai',
        version: '^4.52.0',
        direct: true,
        scope: 'runtime',
        manifestPath: 'apps/bot/package.json',
        line: 5,
      },
    ]);
    expect(pick(sut.dependencies, '@anthropic-ai/sdk')[0]).toMatchObject({ scope: 'dev', line: 9 });
    expect(pick(sut.dependencies, 'fsevents')[0]).toMatchObject({ scope: 'optional' });
    expect(pick(sut.dependencies, 'langchain')[0]).toMatchObject({ scope: 'peer' });
  });

  it('should report the real package when a dependency is an npm alias', () => {
    const content = JSON.stringify({ dependencies: { 'openai-v3': 'npm:openai@^3.3.0' } });
    const sut = parsePackageJson({ path: 'package.json', content });
    expect(sut.dependencies).toEqual([
      expect.objectContaining({ name: 'openai', version: '^3.3.0', line: 1 }),
    ]);
  });

  it('should warn and keep the good maps when one map has the wrong type', () => {
    const content = JSON.stringify({ dependencies: ['openai'], devDependencies: { openai: '4' } });
    const sut = parsePackageJson({ path: 'package.json', content });
    expect(sut.warnings).toEqual([
      { path: 'package.json', reason: '"dependencies" is not an object' },
    ]);
    expect(sut.dependencies).toHaveLength(1);
  });

  it('should throw a syntax error when the file is not JSON', () => {
    expect(() =>
      parsePackageJson({ path: 'package.json', content: '{ "dependencies": ' }),
    ).toThrow();
  });
});

describe(parsePackageLock.name, () => {
  it('should tell direct from transitive and dev from runtime when the lock is v3', () => {
    const content = JSON.stringify({
      name: 'svc',
      lockfileVersion: 3,
      packages: {
        '': { name: 'svc', dependencies: { openai: '^4.0.0' }, devDependencies: { jest: '^30' } },
        'node_modules/openai': {
          version: '4.52.7',
          resolved: 'https://registry.npmjs.org/openai/-/openai-4.52.7.tgz',
        },
        'node_modules/node-fetch': { version: '2.7.0' },
        'node_modules/jest': { version: '30.0.0', dev: true },
        'node_modules/@types/node': { version: '18.19.0', dev: true },
        'node_modules/foo/node_modules/openai': { version: '3.3.0' },
        'node_modules/fsevents': { version: '2.3.3', optional: true },
        'node_modules/my-lib': { resolved: 'packages/my-lib', link: true },
      },
    });
    const sut = parsePackageLock({ path: 'package-lock.json', content });
    expect(sut.warnings).toEqual([]);
    expect(pick(sut.dependencies, 'openai')).toEqual([
      expect.objectContaining({ version: '4.52.7', direct: true, scope: 'runtime' }),
      expect.objectContaining({ version: '3.3.0', direct: false }),
    ]);
    expect(pick(sut.dependencies, 'node-fetch')[0]).toMatchObject({ direct: false });
    expect(pick(sut.dependencies, 'jest')[0]).toMatchObject({ direct: true, scope: 'dev' });
    expect(pick(sut.dependencies, '@types/node')[0]).toMatchObject({ direct: false, scope: 'dev' });
    expect(pick(sut.dependencies, 'fsevents')[0]).toMatchObject({ scope: 'optional' });
    expect(pick(sut.dependencies, 'my-lib')).toEqual([]);
  });

  it('should count workspace declarations as direct when the lock covers a monorepo', () => {
    const content = JSON.stringify({
      lockfileVersion: 2,
      packages: {
        '': { workspaces: ['packages/*'] },
        'packages/agent': { name: 'agent', dependencies: { '@langchain/core': '^0.3.0' } },
        'node_modules/@langchain/core': { version: '0.3.15' },
      },
    });
    const sut = parsePackageLock({ path: 'package-lock.json', content });
    expect(sut.dependencies).toEqual([
      expect.objectContaining({ name: '@langchain/core', direct: true, version: '0.3.15' }),
    ]);
  });

  it('should take unrequired top-level entries as direct when the lock is v1', () => {
    const content = JSON.stringify({
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        openai: { version: '3.3.0', requires: { axios: '^0.26.0' } },
        axios: { version: '0.26.1' },
        mocha: {
          version: '10.0.0',
          dev: true,
          dependencies: { ms: { version: '2.1.3', dev: true } },
        },
      },
    });
    const sut = parsePackageLock({ path: 'npm-shrinkwrap.json', content });
    expect(pick(sut.dependencies, 'openai')[0]).toMatchObject({ direct: true, version: '3.3.0' });
    expect(pick(sut.dependencies, 'axios')[0]).toMatchObject({ direct: false });
    expect(pick(sut.dependencies, 'ms')[0]).toMatchObject({ direct: false, scope: 'dev' });
  });
});

describe(parseYarnLock.name, () => {
  it('should read each entry when classic headers hold several descriptors and scoped names', () => {
    const content = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@anthropic-ai/sdk@^0.27.0":
  version "0.27.3"
  resolved "https://registry.yarnpkg.com/@anthropic-ai/sdk/-/sdk-0.27.3.tgz#592cdd873c85ffab9589ae6f2e250cbf150e1475"
  integrity sha512-IjLt0gd3L4jlOfilxVXTifn42FnVffMgDC04RJK1KDZpmkBWLv0XC92MVVmkxrFZNS/7l3xWgP/I3nqtX1sQHw==
  dependencies:
    "@types/node" "^18.11.18"
    node-fetch "^2.6.7"

"@types/node@^18.11.18":
  version "18.19.50"

node-fetch@^2.6.7, node-fetch@^2.7.0:
  version "2.7.0"
  dependencies:
    whatwg-url "^5.0.0"

whatwg-url@^5.0.0:
  version "5.0.0"
`;
    const sut = parseYarnLock({ path: 'yarn.lock', content });
    expect(sut.warnings).toEqual([]);
    expect(sut.dependencies.map((d) => [d.name, d.version, d.direct])).toEqual([
      ['@anthropic-ai/sdk', '0.27.3', true],
      ['@types/node', '18.19.50', false],
      ['node-fetch', '2.7.0', false],
      ['whatwg-url', '5.0.0', false],
    ]);
    expect(sut.dependencies[0].line).toBe(5);
  });

  it('should report the real package when an entry is an alias', () => {
    const content = `# yarn lockfile v1\n\n"openai-v3@npm:openai@^3.3.0":\n  version "3.3.0"\n`;
    const sut = parseYarnLock({ path: 'yarn.lock', content });
    expect(sut.dependencies.map((d) => [d.name, d.version])).toEqual([['openai', '3.3.0']]);
  });

  it('should warn and keep the other entries when a header line is broken', () => {
    const content = `# yarn lockfile v1\n\nopenai@^4.0.0:\n  version "4.1.0"\n\nthis is not an entry\n  version "1"\n`;
    const sut = parseYarnLock({ path: 'web/yarn.lock', content });
    expect(sut.dependencies.map((d) => d.name)).toEqual(['openai']);
    expect(sut.warnings[0]).toMatchObject({ path: 'web/yarn.lock' });
    expect(sut.warnings[0].reason).toContain('line 6');
  });

  it('should use workspace entries for direct dependencies when the lock is berry', () => {
    const content = `# This file is generated by running "yarn install" inside your project.

__metadata:
  version: 8
  cacheKey: 10c0

"openai@npm:^4.52.0":
  version: 4.52.7
  resolution: "openai@npm:4.52.7"
  dependencies:
    node-fetch: "npm:^2.6.7"
  languageName: node
  linkType: hard

"node-fetch@npm:^2.6.7":
  version: 2.7.0
  resolution: "node-fetch@npm:2.7.0"
  languageName: node
  linkType: hard

"support-bot@workspace:.":
  version: 0.0.0-use.local
  resolution: "support-bot@workspace:."
  dependencies:
    openai: "npm:^4.52.0"
  languageName: unknown
  linkType: soft
`;
    const sut = parseYarnLock({ path: 'yarn.lock', content });
    expect(sut.dependencies.map((d) => [d.name, d.version, d.direct])).toEqual([
      ['openai', '4.52.7', true],
      ['node-fetch', '2.7.0', false],
    ]);
  });
});

describe(parsePnpmLock.name, () => {
  it('should read importers and packages when the lock is v9', () => {
    const content = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .:
    dependencies:
      '@langchain/openai':
        specifier: ^0.3.0
        version: 0.3.11(@langchain/core@0.3.15)
    devDependencies:
      typescript:
        specifier: ~5.6.0
        version: 5.6.3

  packages/shared:
    dependencies:
      shared-utils:
        specifier: workspace:*
        version: link:../utils

packages:

  '@langchain/openai@0.3.11':
    resolution: {integrity: sha512-abc}

  openai@4.67.3:
    resolution: {integrity: sha512-def}

  typescript@5.6.3:
    resolution: {integrity: sha512-ghi}

snapshots:

  openai@4.67.3(zod@3.23.8):
    dependencies:
      zod: 3.23.8
`;
    const sut = parsePnpmLock({ path: 'pnpm-lock.yaml', content });
    expect(sut.warnings).toEqual([]);
    expect(sut.dependencies.map((d) => [d.name, d.version, d.direct, d.scope])).toEqual([
      ['@langchain/openai', '0.3.11', true, 'runtime'],
      ['typescript', '5.6.3', true, 'dev'],
      ['openai', '4.67.3', false, 'runtime'],
    ]);
  });

  it('should read dev flags from packages when the lock is v6', () => {
    const content = `lockfileVersion: '6.0'

dependencies:
  ai:
    specifier: ^3.0.0
    version: 3.4.33(openai@4.67.3)

packages:

  /ai@3.4.33(openai@4.67.3):
    resolution: {integrity: sha512-x}
    dev: false

  /@ai-sdk/provider@0.0.26:
    resolution: {integrity: sha512-y}
    dev: false

  /vitest@1.6.0:
    resolution: {integrity: sha512-z}
    dev: true
`;
    const sut = parsePnpmLock({ path: 'pnpm-lock.yaml', content });
    expect(sut.dependencies.map((d) => [d.name, d.version, d.direct, d.scope])).toEqual([
      ['ai', '3.4.33', true, 'runtime'],
      ['@ai-sdk/provider', '0.0.26', false, 'runtime'],
      ['vitest', '1.6.0', false, 'dev'],
    ]);
  });

  it('should split the key when it comes from any lockfile generation', () => {
    expect(splitPnpmPackageKey('/@scope/pkg/1.0.0_react@18.2.0')).toEqual({
      name: '@scope/pkg',
      version: '1.0.0',
    });
    expect(splitPnpmPackageKey('/pkg/2.0.0')).toEqual({ name: 'pkg', version: '2.0.0' });
    expect(splitPnpmPackageKey('@scope/pkg@1.0.0(x@1)')).toEqual({
      name: '@scope/pkg',
      version: '1.0.0',
    });
  });

  it('should throw when the file is not YAML', () => {
    expect(() => parsePnpmLock({ path: 'pnpm-lock.yaml', content: 'a: [1, 2\n  b: }' })).toThrow();
  });
});
