// Property-based: every manifest and lock parser, fed damaged versions of a valid file of its
// own format and arbitrary text, ends with dependencies and warnings, and never throws.
import fc from 'fast-check';
import { anyText, fuzzOptions, mutatedLines } from '../../common/testing/fuzz';
import { parseManifest } from './dependency-discovery';

const VALID: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'app',
      dependencies: { openai: '^4.2.0' },
      devDependencies: { '@anthropic-ai/sdk': '0.30.1' },
    },
    null,
    2,
  ),
  'package-lock.json': JSON.stringify(
    {
      name: 'app',
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { openai: '^4.2.0' } },
        'node_modules/openai': { version: '4.2.0' },
        'node_modules/openai/node_modules/x': { version: '1.0.0', dev: true },
      },
    },
    null,
    2,
  ),
  'yarn.lock':
    '# yarn lockfile v1\n\nopenai@^4.2.0:\n  version "4.2.0"\n  resolved "https://r/openai-4.2.0.tgz"\n\n"@langchain/core@^0.3.0", "@langchain/core@^0.3.1":\n  version "0.3.1"\n',
  'pnpm-lock.yaml':
    "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      openai:\n        specifier: ^4.2.0\n        version: 4.2.0\npackages:\n  openai@4.2.0:\n    resolution: {integrity: sha512-x}\n",
  'requirements.txt':
    '# AI\nopenai==1.30.0\nanthropic>=0.25 ; python_version >= "3.9"\n-r other.txt\nlangchain[all]~=0.2\n--index-url https://pypi.org/simple\n',
  'pyproject.toml':
    '[project]\nname = "app"\ndependencies = ["openai>=1.0", "anthropic"]\n[project.optional-dependencies]\nml = ["transformers==4.40"]\n[tool.poetry.dependencies]\npython = "^3.11"\nlangchain = { version = "^0.2", extras = ["all"] }\n',
  Pipfile:
    '[packages]\nopenai = "*"\nanthropic = {version = ">=0.25"}\n[dev-packages]\npytest = "*"\n',
  'Pipfile.lock': JSON.stringify({
    default: { openai: { version: '==1.30.0' } },
    develop: { pytest: { version: '==8.0.0' } },
  }),
  'poetry.lock':
    '[[package]]\nname = "openai"\nversion = "1.30.0"\n\n[[package]]\nname = "httpx"\nversion = "0.27.0"\n',
  'uv.lock':
    'version = 1\n[[package]]\nname = "anthropic"\nversion = "0.25.0"\nsource = { registry = "https://pypi.org/simple" }\n',
  'setup.cfg':
    '[metadata]\nname = app\n[options]\ninstall_requires =\n    openai>=1.0\n    anthropic\n[options.extras_require]\nml = transformers\n',
  'go.mod':
    'module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/sashabaranov/go-openai v1.20.0\n\tgithub.com/tmc/langchaingo v0.1.5 // indirect\n)\n\nrequire github.com/x/y v1.0.0\n',
  'pom.xml':
    '<project><properties><ai.version>1.0.0</ai.version></properties><dependencies><dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j</artifactId><version>${ai.version}</version></dependency></dependencies></project>',
  'build.gradle':
    'dependencies {\n  implementation \'dev.langchain4j:langchain4j:0.30.0\'\n  testImplementation("com.openai:openai-java:0.8.0")\n}\n',
  'build.gradle.kts':
    'dependencies {\n  implementation("dev.langchain4j:langchain4j:0.30.0")\n  implementation(libs.openai)\n}\n',
  'gradle/libs.versions.toml':
    '[versions]\nlc = "0.30.0"\n[libraries]\nlangchain = { module = "dev.langchain4j:langchain4j", version.ref = "lc" }\nopenai = "com.openai:openai-java:0.8.0"\n',
  'Cargo.toml':
    '[package]\nname = "app"\n[dependencies]\nasync-openai = "0.21"\nollama-rs = { version = "0.2", features = ["stream"] }\n[dev-dependencies]\ntokio = "1"\n',
  'Cargo.lock':
    'version = 3\n\n[[package]]\nname = "async-openai"\nversion = "0.21.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["async-openai"]\n',
  Gemfile:
    "source 'https://rubygems.org'\ngem 'ruby-openai', '~> 7.0'\ngroup :test do\n  gem 'rspec'\nend\n",
  'Gemfile.lock':
    'GEM\n  remote: https://rubygems.org/\n  specs:\n    ruby-openai (7.0.1)\n      faraday (>= 1)\n\nDEPENDENCIES\n  ruby-openai (~> 7.0)\n',
  'x.gemspec':
    "Gem::Specification.new do |s|\n  s.name = 'x'\n  s.add_dependency 'ruby-openai', '~> 7.0'\n  s.add_development_dependency 'rspec'\nend\n",
  'App.csproj':
    '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="OpenAI" Version="2.0.0" /><PackageReference Include="Azure.AI.OpenAI"><Version>2.0.0</Version></PackageReference></ItemGroup></Project>',
  'packages.config':
    '<?xml version="1.0"?><packages><package id="OpenAI" version="1.11.0" targetFramework="net48" /></packages>',
  'Directory.Packages.props':
    '<Project><ItemGroup><PackageVersion Include="OpenAI" Version="2.0.0" /></ItemGroup></Project>',
  'composer.json': JSON.stringify(
    { require: { 'openai-php/client': '^0.10' }, 'require-dev': { 'phpunit/phpunit': '^11' } },
    null,
    2,
  ),
  'composer.lock': JSON.stringify(
    { packages: [{ name: 'openai-php/client', version: 'v0.10.1' }], 'packages-dev': [] },
    null,
    2,
  ),
};

function expectEnds(path: string, content: string): void {
  const sut = parseManifest({ path, content });
  expect(Array.isArray(sut.dependencies)).toBe(true);
  for (const w of sut.warnings) expect([w.path, typeof w.reason]).toEqual([path, 'string']);
  for (const d of sut.dependencies) {
    expect(typeof d.name).toBe('string');
    expect(d.name.length).toBeGreaterThan(0);
  }
}

describe('manifest parsers under fuzzing', () => {
  const names = Object.keys(VALID);

  // central package versions declare no dependency by themselves
  const declaring = names.filter((n) => n !== 'Directory.Packages.props');

  it.each(declaring.map((n) => [n]))('should read the valid %s seed with dependencies', (name) => {
    expect(parseManifest({ path: name, content: VALID[name] }).dependencies.length).toBeGreaterThan(
      0,
    );
  });

  it.each(names.map((n) => [n]))('should never throw on a damaged %s', (name) => {
    fc.assert(
      fc.property(mutatedLines(VALID[name].split('\n')), (lines) =>
        expectEnds(name, lines.join('\n')),
      ),
      fuzzOptions(200),
    );
  });

  it.each(names.map((n) => [n]))('should never throw on arbitrary text as %s', (name) => {
    fc.assert(
      fc.property(anyText(2000), (text) => expectEnds(name, text)),
      fuzzOptions(100),
    );
  });

  it('should never throw on JSON of any shape as a JSON manifest', () => {
    const jsonNames = [
      'package.json',
      'package-lock.json',
      'Pipfile.lock',
      'composer.json',
      'composer.lock',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...jsonNames), fc.jsonValue({ maxDepth: 4 }), (name, value) =>
        expectEnds(name, JSON.stringify(value)),
      ),
      fuzzOptions(400),
    );
  });
});
