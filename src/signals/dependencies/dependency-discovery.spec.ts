import { createTestToolMatcher } from './__fixtures__/test-tool-matcher';
import { detectAiDependencies, isManifestPath, parseManifest } from './dependency-discovery';
import type { ManifestFile } from './dependency.types';

const packageJson = (deps: Record<string, string>, dev: Record<string, string> = {}) =>
  JSON.stringify({ name: 'x', dependencies: deps, devDependencies: dev }, null, 2);

describe(isManifestPath.name, () => {
  it.each([
    'package.json',
    'apps/web/package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'requirements.txt',
    'requirements-dev.txt',
    'ci/test-requirements.txt',
    'requirements/base.txt',
    'requirements.in',
    'pyproject.toml',
    'Pipfile',
    'Pipfile.lock',
    'poetry.lock',
    'uv.lock',
    'setup.cfg',
    'services/a/go.mod',
    'pom.xml',
    'build.gradle',
    'app/build.gradle.kts',
    'gradle/libs.versions.toml',
    'Cargo.toml',
    'Cargo.lock',
    'Gemfile',
    'Gemfile.lock',
    'support_bot.gemspec',
    'src/Api/Api.csproj',
    'Legacy/packages.config',
    'Directory.Packages.props',
    'composer.json',
    'composer.lock',
  ])('should accept %s when it is a manifest or lock file', (path) => {
    expect(isManifestPath(path)).toBe(true);
  });

  it.each([
    'README.md',
    'node_modules/openai/package.json',
    'web/node_modules/.pnpm/x/package.json',
    '.venv/lib/python3.12/site-packages/openai-1.45.0.dist-info/../pyproject.toml',
    'env/lib/python3.12/site-packages/anthropic/pyproject.toml',
    'go.sum',
    'src/requirements.py',
    'cargo.toml',
    'docs/requirements-analysis.md',
  ])('should reject %s when it is not a manifest or sits in installed packages', (path) => {
    expect(isManifestPath(path)).toBe(false);
  });
});

describe(parseManifest.name, () => {
  it('should return a warning naming the file when the manifest is malformed', () => {
    const sut = parseManifest({ path: 'svc/pyproject.toml', content: '[project\nname = "x"' });
    expect(sut.dependencies).toEqual([]);
    expect(sut.warnings).toHaveLength(1);
    expect(sut.warnings[0].path).toBe('svc/pyproject.toml');
    expect(sut.warnings[0].reason).toMatch(/^cannot parse pyproject\.toml: /);
  });

  it.each([
    [
      'package.json',
      '{\n  "dependencies": {\n    "openai": "^4"\n    "zod": "^3"\n  }\n}',
      /\(line 4, column 5\)$/,
    ],
    [
      'Cargo.toml',
      '[package]\nname = "x"\n[dependencies\n',
      /^cannot parse Cargo\.toml: line 3, column \d+: /,
    ],
    [
      'pnpm-lock.yaml',
      "lockfileVersion: '9.0'\nimporters: [a, b\n  c: }\n",
      /line \d+, column \d+/,
    ],
    ['pom.xml', '<project>\n  <dependencies>\n</project>\n', /^cannot parse pom\.xml: line 3: /],
  ])('should name the line when %s is malformed', (path, content, reason) => {
    const sut = parseManifest({ path, content });
    expect(sut.warnings).toHaveLength(1);
    expect(sut.warnings[0].reason).toMatch(reason);
    expect(sut.warnings[0].reason).not.toContain('\n');
  });

  it('should read a manifest when it starts with a byte-order mark', () => {
    const sut = parseManifest({
      path: 'composer.json',
      content: '\uFEFF{"require": {"openai-php/client": "^0.10"}}',
    });
    expect(sut.warnings).toEqual([]);
    expect(sut.dependencies.map((d) => d.name)).toEqual(['openai-php/client']);
  });

  it('should say so when the file is not a manifest', () => {
    expect(parseManifest({ path: 'notes.txt', content: 'openai' })).toEqual({
      dependencies: [],
      warnings: [{ path: 'notes.txt', reason: 'not a manifest or lock file this scanner reads' }],
    });
  });
});

describe(detectAiDependencies.name, () => {
  const matcher = createTestToolMatcher();

  it('should find AI SDKs when a monorepo declares them in several ecosystems and modules', () => {
    const files: ManifestFile[] = [
      { path: 'web/package.json', content: packageJson({ openai: '^4.52.0', react: '^18.3.1' }) },
      { path: 'ml/requirements.txt', content: 'Anthropic[vertex]==0.34.2\nnumpy>=2\n' },
      {
        path: 'services/a/go.mod',
        content: 'module a\n\ngo 1.22\n\nrequire github.com/sashabaranov/go-openai v1.29.1\n',
      },
      {
        path: 'services/b/go.mod',
        content:
          'module b\n\nrequire (\n\tgithub.com/tmc/langchaingo v0.1.12\n\tgithub.com/openai/openai-go v0.1.0 // indirect\n)\n',
      },
      {
        path: 'api/Api.csproj',
        content:
          '<Project><ItemGroup><PackageReference Include="azure.ai.openai" Version="2.0.0" /></ItemGroup></Project>',
      },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.warnings).toEqual([]);
    expect(sut.matches.map((m) => [m.manifestPath, m.name, m.toolId, m.direct])).toEqual([
      ['web/package.json', 'openai', 'openai-api', true],
      ['ml/requirements.txt', 'anthropic', 'anthropic-api', true],
      ['services/a/go.mod', 'github.com/sashabaranov/go-openai', 'openai-api', true],
      ['services/b/go.mod', 'github.com/tmc/langchaingo', 'langchain', true],
      ['services/b/go.mod', 'github.com/openai/openai-go', 'openai-api', false],
      ['api/Api.csproj', 'azure.ai.openai', 'openai-api', true],
    ]);
    // direct runtime declarations at 0.9, the transitive openai-go (lockfile only) a lead at 0.4
    expect(sut.matches.map((m) => m.confidence)).toEqual([0.9, 0.9, 0.9, 0.9, 0.4, 0.9]);
  });

  it('should find nothing when a repository only has ordinary and lookalike packages', () => {
    const files: ManifestFile[] = [
      {
        path: 'package.json',
        content: packageJson(
          {
            openapi: '^1.0.0',
            'open-ai-utils': '0.0.3',
            'openai-mock-server': '1.0.0',
            express: '5.1.0',
          },
          { '@anthropic/eslint-config': '1.0.0', 'langchain-lite': '0.1.0' },
        ),
      },
      {
        path: 'requirements.txt',
        content: 'openapi-core==0.19\nopencv-python==4.10.0.84\nlangdetect==1.0.9\ndjango\n',
      },
      { path: 'go.mod', content: 'module x\n\nrequire github.com/getkin/kin-openapi v0.127.0\n' },
      { path: 'Gemfile', content: 'gem "openai-ruby-client-lookalike"\ngem "rails"\n' },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.matches).toEqual([]);
    expect(sut.warnings).toEqual([]);
  });

  it('should lower confidence and say why when the manifest is a fixture, example or vendored', () => {
    const files: ManifestFile[] = [
      { path: 'test/__fixtures__/app/package.json', content: packageJson({ openai: '4.0.0' }) },
      { path: 'examples/chatbot/requirements.txt', content: 'langchain-openai==0.1.23\n' },
      {
        path: 'vendor/github.com/x/y/go.mod',
        content: 'module y\n\nrequire github.com/openai/openai-go v0.1.0\n',
      },
      { path: 'package.json', content: packageJson({ '@anthropic-ai/sdk': '^0.27.0' }) },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.matches.map((m) => [m.manifestPath, m.confidence, m.confidenceReason])).toEqual([
      [
        'test/__fixtures__/app/package.json',
        0.3,
        'manifest in a test fixtures folder (__fixtures__/)',
      ],
      ['examples/chatbot/requirements.txt', 0.4, 'manifest in an examples folder (examples/)'],
      ['vendor/github.com/x/y/go.mod', 0.2, 'manifest in a vendored folder (vendor/)'],
      [
        'package.json',
        0.9,
        'direct runtime dependency: the project declares the package for its own code',
      ],
    ]);
  });

  it('should warn and go on with the others when one manifest is malformed', () => {
    const files: ManifestFile[] = [
      { path: 'a/package.json', content: '{ "dependencies": { "openai": "^4" ' },
      { path: 'b/package.json', content: packageJson({ langchain: '^0.3.0' }) },
      { path: 'c/pom.xml', content: '<project><dependencies><dependency></project>' },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.matches.map((m) => m.manifestPath)).toEqual(['b/package.json']);
    expect(sut.warnings.map((w) => w.path)).toEqual(['a/package.json', 'c/pom.xml']);
    expect(sut.warnings[0].reason).toMatch(/^cannot parse package\.json: /);
  });

  it('should mark a lock entry direct when the manifest beside it declares the package', () => {
    const yarnLock = `# yarn lockfile v1\n\nlangchain@^0.3.0:\n  version "0.3.2"\n  dependencies:\n    openai "^4.0.0"\n\nopenai@^4.0.0, openai@^4.52.0:\n  version "4.52.7"\n`;
    const files: ManifestFile[] = [
      {
        path: 'web/package.json',
        content: packageJson({ langchain: '^0.3.0', openai: '^4.52.0' }),
      },
      { path: 'web/yarn.lock', content: yarnLock },
      { path: 'other/yarn.lock', content: yarnLock },
    ];
    const sut = detectAiDependencies(files, matcher);
    const lockMatches = sut.matches.filter((m) => m.manifestPath.endsWith('yarn.lock'));
    expect(lockMatches.map((m) => [m.manifestPath, m.name, m.version, m.direct])).toEqual([
      ['web/yarn.lock', 'langchain', '0.3.2', true],
      ['web/yarn.lock', 'openai', '4.52.7', true],
      ['other/yarn.lock', 'langchain', '0.3.2', true],
      ['other/yarn.lock', 'openai', '4.52.7', false],
    ]);
  });

  it('should give the line of the entry when a lock file entry matches', () => {
    const packageLock = JSON.stringify(
      {
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { openai: '^4' } },
          'node_modules/node-fetch': { version: '2.7.0' },
          'node_modules/openai': { version: '4.52.7' },
        },
      },
      null,
      2,
    );
    const poetryLock =
      '[[package]]\nname = "httpx"\nversion = "0.27.2"\n\n[[package]]\nname = "langchain-openai"\nversion = "0.1.23"\n';
    const pnpmLock =
      "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      zod:\n        specifier: ^3\n        version: 3.23.8\n\npackages:\n\n  zod@3.23.8:\n    resolution: {integrity: sha512-a}\n\n  '@anthropic-ai/sdk@0.27.3':\n    resolution: {integrity: sha512-b}\n";
    const sut = detectAiDependencies(
      [
        { path: 'package-lock.json', content: packageLock },
        { path: 'py/poetry.lock', content: poetryLock },
        { path: 'pnpm-lock.yaml', content: pnpmLock },
      ],
      matcher,
    );
    expect(sut.matches.map((m) => [m.manifestPath, m.name, m.line])).toEqual([
      ['package-lock.json', 'openai', 12],
      ['py/poetry.lock', 'langchain-openai', 6],
      ['pnpm-lock.yaml', '@anthropic-ai/sdk', 15],
    ]);
  });

  it('should take the version from Directory.Packages.props when the project uses central versions', () => {
    const files: ManifestFile[] = [
      {
        path: 'Directory.Packages.props',
        content: `<Project>
  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="OpenAI" Version="2.0.0" />
    <PackageVersion Include="Azure.AI.OpenAI" Version="2.1.0" />
  </ItemGroup>
</Project>`,
      },
      {
        path: 'src/Api/Api.csproj',
        content: `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="OpenAI" />
    <PackageReference Include="Azure.AI.OpenAI" VersionOverride="2.2.0-beta.1" />
  </ItemGroup>
</Project>`,
      },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.warnings).toEqual([]);
    expect(sut.matches.map((m) => [m.manifestPath, m.name, m.version])).toEqual([
      ['src/Api/Api.csproj', 'OpenAI', '2.0.0'],
      ['src/Api/Api.csproj', 'Azure.AI.OpenAI', '2.2.0-beta.1'],
    ]);
  });

  it('should resolve versions through parent poms when a Maven module inherits them', () => {
    const parent = `<project>
  <groupId>com.acme</groupId>
  <artifactId>platform</artifactId>
  <version>3.0.0</version>
  <packaging>pom</packaging>
  <properties>
    <langchain4j.version>0.35.0</langchain4j.version>
    <openai.version>0.4.0</openai.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.openai</groupId>
        <artifactId>openai-java</artifactId>
        <version>\${openai.version}</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
</project>`;
    const module = (relativePath: string) => `<project>
  <parent>
    <groupId>com.acme</groupId>
    <artifactId>platform</artifactId>
    <version>3.0.0</version>
    ${relativePath}
  </parent>
  <artifactId>chat</artifactId>
  <properties><openai.version>0.5.1</openai.version></properties>
  <dependencies>
    <dependency>
      <groupId>dev.langchain4j</groupId>
      <artifactId>langchain4j-open-ai</artifactId>
      <version>\${langchain4j.version}</version>
    </dependency>
    <dependency>
      <groupId>com.openai</groupId>
      <artifactId>openai-java</artifactId>
    </dependency>
  </dependencies>
</project>`;
    const files: ManifestFile[] = [
      { path: 'pom.xml', content: parent },
      { path: 'chat/pom.xml', content: module('') },
      { path: 'tools/standalone/pom.xml', content: module('<relativePath/>') },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.warnings).toEqual([]);
    expect(sut.matches.map((m) => [m.manifestPath, m.name, m.version])).toEqual([
      ['chat/pom.xml', 'dev.langchain4j:langchain4j-open-ai', '0.35.0'],
      ['chat/pom.xml', 'com.openai:openai-java', '0.5.1'],
      ['tools/standalone/pom.xml', 'dev.langchain4j:langchain4j-open-ai', '${langchain4j.version}'],
      ['tools/standalone/pom.xml', 'com.openai:openai-java', undefined],
    ]);
  });

  it('should read files named by -r includes even when their names are not manifest names', () => {
    const files: ManifestFile[] = [
      { path: 'requirements.txt', content: '-r deps/ai.pip\nflask\n' },
      { path: 'deps/ai.pip', content: 'langchain-community>=0.2\n' },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.matches.map((m) => [m.manifestPath, m.name, m.toolId])).toEqual([
      ['deps/ai.pip', 'langchain-community', 'langchain'],
    ]);
  });
});
