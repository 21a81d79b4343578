// Which file names are manifests, and which parser reads each.
import type { Ecosystem, ManifestFile, ParsedManifest } from './dependency.types';
import { parseCargoLock, parseCargoToml } from './cargo/cargo.parser';
import { parseComposerJson, parseComposerLock } from './composer/composer.parser';
import { parseGoMod } from './go/go-mod.parser';
import { parseGradleVersionCatalog } from './jvm/gradle-catalog.parser';
import { parseGradleBuild } from './jvm/gradle.parser';
import { parsePom } from './jvm/pom.parser';
import type { ManifestParser } from './manifest-parser';
import { parsePackageJson } from './npm/package-json.parser';
import { parsePackageLock } from './npm/package-lock.parser';
import { parsePnpmLock } from './npm/pnpm-lock.parser';
import { parseYarnLock } from './npm/yarn-lock.parser';
import {
  parseCentralPackageVersions,
  parseMsBuildProject,
  parsePackagesConfig,
} from './nuget/nuget.parser';
import { parsePipfileLock } from './pypi/pipfile-lock.parser';
import { parsePipfile } from './pypi/pipfile.parser';
import { parsePyproject } from './pypi/pyproject.parser';
import { parsePoetryLock, parseUvLock } from './pypi/python-lock.parser';
import { parseRequirementsTxt } from './pypi/requirements.parser';
import { parseSetupCfg } from './pypi/setup-cfg.parser';
import { parseGemfileLock } from './rubygems/gemfile-lock.parser';
import { parseGemfile } from './rubygems/gemfile.parser';
import { parseGemspec } from './rubygems/gemspec.parser';

export interface ManifestKind {
  format: string;
  ecosystem: Ecosystem;
  /** a lock file records resolved versions, including transitive packages */
  lock: boolean;
  parse: ManifestParser;
}

const kind = (format: string, ecosystem: Ecosystem, lock: boolean, parse: ManifestParser) => ({
  format,
  ecosystem,
  lock,
  parse,
});

/** Exact file names (case-sensitive, as the tools themselves look them up). */
const BY_NAME: Record<string, ManifestKind> = {
  'package.json': kind('package.json', 'npm', false, parsePackageJson),
  'package-lock.json': kind('package-lock.json', 'npm', true, parsePackageLock),
  'npm-shrinkwrap.json': kind('package-lock.json', 'npm', true, parsePackageLock),
  'yarn.lock': kind('yarn.lock', 'npm', true, parseYarnLock),
  'pnpm-lock.yaml': kind('pnpm-lock.yaml', 'npm', true, parsePnpmLock),
  'pyproject.toml': kind('pyproject.toml', 'pypi', false, parsePyproject),
  Pipfile: kind('Pipfile', 'pypi', false, parsePipfile),
  'Pipfile.lock': kind('Pipfile.lock', 'pypi', true, parsePipfileLock),
  'poetry.lock': kind('poetry.lock', 'pypi', true, parsePoetryLock),
  'uv.lock': kind('uv.lock', 'pypi', true, parseUvLock),
  'setup.cfg': kind('setup.cfg', 'pypi', false, parseSetupCfg),
  'go.mod': kind('go.mod', 'go', false, parseGoMod),
  'pom.xml': kind('pom.xml', 'maven', false, parsePom),
  'build.gradle': kind('build.gradle', 'maven', false, parseGradleBuild),
  'build.gradle.kts': kind('build.gradle', 'maven', false, parseGradleBuild),
  'Cargo.toml': kind('Cargo.toml', 'cargo', false, parseCargoToml),
  'Cargo.lock': kind('Cargo.lock', 'cargo', true, parseCargoLock),
  Gemfile: kind('Gemfile', 'rubygems', false, parseGemfile),
  'gems.rb': kind('Gemfile', 'rubygems', false, parseGemfile),
  'Gemfile.lock': kind('Gemfile.lock', 'rubygems', true, parseGemfileLock),
  'gems.locked': kind('Gemfile.lock', 'rubygems', true, parseGemfileLock),
  'Directory.Build.props': kind('msbuild', 'nuget', false, parseMsBuildProject),
  'Directory.Packages.props': kind(
    'Directory.Packages.props',
    'nuget',
    false,
    parseCentralPackageVersions,
  ),
  'packages.config': kind('packages.config', 'nuget', false, parsePackagesConfig),
  'composer.json': kind('composer.json', 'packagist', false, parseComposerJson),
  'composer.lock': kind('composer.lock', 'packagist', true, parseComposerLock),
};

export const REQUIREMENTS_KIND = kind('requirements.txt', 'pypi', false, parseRequirementsTxt);
const GRADLE_CATALOG_KIND = kind('libs.versions.toml', 'maven', false, parseGradleVersionCatalog);
const MSBUILD_KIND = BY_NAME['Directory.Build.props'];
const GEMSPEC_KIND = kind('gemspec', 'rubygems', false, parseGemspec);

/** Folders whose contents are installed packages or tool caches, never the project's manifests. */
const NEVER_SCANNED = new Set([
  'node_modules',
  'bower_components',
  '.git',
  '.yarn',
  '.pnpm-store',
  '.venv',
  'site-packages',
  '__pypackages__',
  '.tox',
  '.nox',
]);

export function manifestKind(path: string): ManifestKind | undefined {
  const segments = path.split('/').filter(Boolean);
  const base = segments.pop();
  if (!base || segments.some((s) => NEVER_SCANNED.has(s))) return undefined;
  const exact = BY_NAME[base];
  if (exact) return exact;
  const lower = base.toLowerCase();
  if (/\.(csproj|fsproj|vbproj)$/.test(lower)) return MSBUILD_KIND;
  if (lower.endsWith('.versions.toml')) return GRADLE_CATALOG_KIND;
  if (lower.endsWith('.gemspec')) return GEMSPEC_KIND;
  // requirements.txt, requirements-dev.txt, test-requirements.txt, requirements.in,
  // requirements/base.txt
  if (/^(.*[-_.])?requirements([-_.].*)?\.(txt|in)$/.test(lower)) return REQUIREMENTS_KIND;
  if (
    segments[segments.length - 1]?.toLowerCase() === 'requirements' &&
    /\.(txt|in)$/.test(lower)
  ) {
    return REQUIREMENTS_KIND;
  }
  return undefined;
}

/** Runs a parser; a file it cannot read at all becomes one warning naming the file. */
export function runParser(kindOf: ManifestKind, file: ManifestFile): ParsedManifest {
  try {
    // Editors on Windows save manifests with a byte-order mark; JSON.parse and TOML reject it.
    const content = file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
    return kindOf.parse(content === file.content ? file : { path: file.path, content });
  } catch (error) {
    const message = describeParseError(error, file.content);
    return {
      dependencies: [],
      warnings: [{ path: file.path, reason: `cannot parse ${kindOf.format}: ${message}` }],
    };
  }
}

/**
 * One line naming where a parser gave up: TOML errors carry line/column, JSON only a character
 * position (turned into a line here), YAML and XML messages already say the line.
 */
export function describeParseError(error: unknown, content: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw.split('\n')[0].trim();
  // js-yaml: "missed comma between flow collection entries (2:3)" with a 0-based mark.
  const mark = (error as { mark?: { line?: unknown; column?: unknown } }).mark;
  if (mark && typeof mark.line === 'number' && typeof mark.column === 'number') {
    message = `line ${mark.line + 1}, column ${mark.column + 1}: ${message.replace(/\s*\(\d+:\d+\)$/, '')}`;
  }
  const toml = error as { line?: unknown; column?: unknown };
  if (typeof toml.line === 'number' && !/line \d+/.test(message)) {
    message = `line ${toml.line}${typeof toml.column === 'number' ? `, column ${toml.column}` : ''}: ${message}`;
  }
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const before = content.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = Number(position[1]) - before.lastIndexOf('\n');
    message = message.replace(/ ?at position \d+.*$/, '') + ` (line ${line}, column ${column})`;
  }
  return message;
}
