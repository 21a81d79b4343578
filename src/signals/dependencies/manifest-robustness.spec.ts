// Every parser meets content it was not written for (another format, binary noise, an empty
// file, a truncated file): it must end, never throw out of parseManifest, and only warn.
import { isManifestPath, parseManifest } from './dependency-discovery';

const NAMES = [
  'package.json',
  'package-lock.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'Pipfile.lock',
  'poetry.lock',
  'uv.lock',
  'setup.cfg',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'gradle/libs.versions.toml',
  'Cargo.toml',
  'Cargo.lock',
  'Gemfile',
  'Gemfile.lock',
  'x.gemspec',
  'App.csproj',
  'packages.config',
  'Directory.Packages.props',
  'composer.json',
  'composer.lock',
];

function noise(seed: number, length: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(x % 8 === 0 ? 10 : 32 + (x % 95));
  }
  return out;
}

const SAMPLES: Record<string, string> = {
  empty: '',
  whitespace: '\n\n   \t\n',
  json: '{"dependencies": {"openai": "^4"}, "packages": [1, null, "x"]}',
  toml: '[dependencies]\nopenai = 3\n[[package]]\nname = 7\n',
  yaml: 'importers:\n  .:\n    dependencies: [1, 2]\npackages: 5\n',
  xml: '<Project><ItemGroup><PackageReference/></ItemGroup><dependencies><dependency/></dependencies></Project>',
  truncated: '{"dependencies": {"openai": "^4',
  noise: noise(7, 4000),
  quotes: '\'"\'"(((((\n\\\\\n/*',
};

describe(parseManifest.name, () => {
  const cases = NAMES.flatMap((name) => Object.keys(SAMPLES).map((sample) => [name, sample]));

  it.each(cases)('should end with warnings at most when %s holds %s content', (name, sample) => {
    expect(isManifestPath(name)).toBe(true);
    const sut = parseManifest({ path: name, content: SAMPLES[sample] });
    expect(Array.isArray(sut.dependencies)).toBe(true);
    for (const warning of sut.warnings) {
      expect(warning.path).toBe(name);
      expect(typeof warning.reason).toBe('string');
    }
    for (const dependency of sut.dependencies) {
      expect(typeof dependency.name).toBe('string');
      expect(dependency.name.length).toBeGreaterThan(0);
    }
  });
});
