// Dependency discovery benchmark: generates a monorepo-sized set of manifests and lock files
// (every supported format, tens of thousands of locked packages), runs detectAiDependencies over
// them, and prints throughput beside a plain substring search over the same bytes (what a
// `git grep` for package names would cost), so the price of real parsing is visible.
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';
import { createTestToolMatcher } from '../src/signals/dependencies/__fixtures__/test-tool-matcher';
import {
  detectAiDependencies,
  parseManifest,
} from '../src/signals/dependencies/dependency-discovery';
import type { ManifestFile, ToolMatcher } from '../src/signals/dependencies/dependency.types';

export interface DependencyBenchResult {
  files: number;
  bytes: number;
  matches: number;
  warnings: number;
  parseMs: number;
  grepMs: number;
  megabytesPerSecond: number;
  /** parse time per file name, the slowest first */
  byFormat: Array<{ format: string; files: number; bytes: number; ms: number }>;
}

const pkg = (i: number) => `pkg-${i.toString(36)}`;

function npmFiles(workspace: number, lockPackages: number): ManifestFile[] {
  const files: ManifestFile[] = [];
  for (let w = 0; w < workspace; w++) {
    const deps: Record<string, string> = { [pkg(w)]: '^1.0.0', [pkg(w + 1)]: '^2.0.0' };
    if (w % 10 === 0) deps.openai = '^4.52.0';
    files.push({
      path: `packages/p${w}/package.json`,
      content: JSON.stringify(
        { name: `p${w}`, dependencies: deps, devDependencies: { jest: '^30' } },
        null,
        2,
      ),
    });
  }
  const packages: Record<string, unknown> = { '': { dependencies: { openai: '^4.52.0' } } };
  let yarn = '# yarn lockfile v1\n\n';
  let pnpm =
    "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      openai:\n        specifier: ^4.52.0\n        version: 4.52.7\n\npackages:\n\n";
  for (let i = 0; i < lockPackages; i++) {
    packages[`node_modules/${pkg(i)}`] = {
      version: '1.0.0',
      resolved: `https://registry.npmjs.org/${pkg(i)}/-/${pkg(i)}-1.0.0.tgz`,
      integrity: 'sha512-' + 'a'.repeat(86),
    };
    yarn += `${pkg(i)}@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/${pkg(i)}/-/${pkg(i)}-1.0.0.tgz"\n  dependencies:\n    ${pkg(i + 1)} "^1.0.0"\n\n`;
    pnpm += `  ${pkg(i)}@1.0.0:\n    resolution: {integrity: sha512-abc}\n\n`;
  }
  packages['node_modules/openai'] = { version: '4.52.7' };
  yarn += 'openai@^4.52.0:\n  version "4.52.7"\n';
  files.push({
    path: 'package-lock.json',
    content: JSON.stringify({ lockfileVersion: 3, packages }, null, 2),
  });
  files.push({ path: 'legacy/yarn.lock', content: yarn });
  files.push({ path: 'next/pnpm-lock.yaml', content: pnpm });
  return files;
}

function otherFiles(n: number): ManifestFile[] {
  const lines = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
  return [
    {
      path: 'ml/requirements.txt',
      content: lines((i) => `${pkg(i)}==1.0.${i}`) + '\nanthropic==0.34.2\n',
    },
    {
      path: 'ml/poetry.lock',
      content: lines(
        (i) => `[[package]]\nname = "${pkg(i)}"\nversion = "1.0.0"\noptional = false\n`,
      ),
    },
    {
      path: 'svc/go.mod',
      content: `module svc\n\nrequire (\n${lines((i) => `\texample.com/${pkg(i)} v1.0.0 // indirect`)}\n\tgithub.com/tmc/langchaingo v0.1.12\n)\n`,
    },
    {
      path: 'rust/Cargo.lock',
      content: `version = 3\n\n${lines((i) => `[[package]]\nname = "${pkg(i)}"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`)}`,
    },
    {
      path: 'ruby/Gemfile.lock',
      content: `GEM\n  remote: https://rubygems.org/\n  specs:\n${lines((i) => `    ${pkg(i)} (1.0.0)`)}\n    ruby-openai (7.1.0)\n\nDEPENDENCIES\n  ruby-openai\n`,
    },
    {
      path: 'java/pom.xml',
      content: `<project><dependencies>${lines((i) => `<dependency><groupId>com.example</groupId><artifactId>${pkg(i)}</artifactId><version>1.0</version></dependency>`)}</dependencies></project>`,
    },
    {
      path: 'android/build.gradle.kts',
      content: `dependencies {\n${lines((i) => `    implementation("com.example:${pkg(i)}:1.0")`)}\n}\n`,
    },
  ];
}

export function runDependencyBench(
  matcher: ToolMatcher = createTestToolMatcher(),
): DependencyBenchResult {
  const files = [...npmFiles(300, 20_000), ...otherFiles(2_000)];
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
  detectAiDependencies(files.slice(0, 5), matcher); // warm up the parsers

  const parseStart = process.hrtime.bigint();
  const result = detectAiDependencies(files, matcher);
  const parseMs = Number(process.hrtime.bigint() - parseStart) / 1e6;

  const formats = new Map<string, { files: number; bytes: number; ms: number }>();
  for (const file of files) {
    const format = file.path.split('/').pop()!;
    const start = process.hrtime.bigint();
    parseManifest(file);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const entry = formats.get(format) ?? { files: 0, bytes: 0, ms: 0 };
    entry.files++;
    entry.bytes += Buffer.byteLength(file.content);
    entry.ms += ms;
    formats.set(format, entry);
  }

  const needles = ['openai', 'anthropic', 'langchain'];
  const grepStart = process.hrtime.bigint();
  let grepHits = 0;
  for (const file of files) {
    for (const line of file.content.split('\n')) {
      if (needles.some((n) => line.includes(n))) grepHits++;
    }
  }
  const grepMs = Number(process.hrtime.bigint() - grepStart) / 1e6;
  if (grepHits === 0) throw new Error('the generated files lost their AI packages');

  return {
    files: files.length,
    bytes,
    matches: result.matches.length,
    warnings: result.warnings.length,
    parseMs: Math.round(parseMs),
    grepMs: Math.round(grepMs),
    megabytesPerSecond: Math.round((bytes / 1e6 / (parseMs / 1000)) * 10) / 10,
    byFormat: [...formats]
      .map(([format, e]) => ({ format, ...e, ms: Math.round(e.ms) }))
      .sort((a, b) => b.ms - a.ms),
  };
}

/** The built-in catalog's matcher, or the spec matcher when the catalog cannot be loaded. */
function benchMatcher(): { matcher: ToolMatcher; label: string } {
  try {
    const tools = loadBuiltinCatalog();
    return {
      matcher: CatalogMatcher.fromTools(tools),
      label: `built-in catalog (${tools.length} tools)`,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      matcher: createTestToolMatcher(),
      label: `test matcher (catalog not loaded: ${reason})`,
    };
  }
}

/** Entry point for bench/run.ts. */
export function run(): Promise<void> {
  const { matcher, label } = benchMatcher();
  const r = runDependencyBench(matcher);
  process.stdout.write(
    `matcher: ${label}\n` +
      `dependency discovery: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.matches} AI matches, ` +
      `${r.warnings} warnings; parse+match ${r.parseMs} ms (${r.megabytesPerSecond} MB/s) ` +
      `vs substring search ${r.grepMs} ms\n` +
      r.byFormat
        .map(
          (f) =>
            `  ${f.format}: ${f.files} file(s), ${(f.bytes / 1e6).toFixed(2)} MB, ${f.ms} ms\n`,
        )
        .join(''),
  );
  return Promise.resolve();
}
