import { parse as parseToml } from 'smol-toml';
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector } from '../manifest-parser';
import { parseRequirement, scopeForGroup } from './pep508';

type Add = (
  name: string,
  version: string | undefined,
  scope: DependencyScope,
  line?: number,
) => void;

/** A list of PEP 508 strings (PEP 621, PEP 735, build-system.requires, uv/pdm dev lists). */
function readRequirementList(
  value: unknown,
  where: string,
  scope: DependencyScope,
  out: ManifestCollector,
  lines: LineLocator,
  sectionLine: number | undefined,
): void {
  if (!Array.isArray(value)) {
    out.warn(`${where} is not an array`);
    return;
  }
  for (const item of value) {
    if (isRecord(item)) continue; // PEP 735 {include-group = "…"}
    if (typeof item !== 'string') {
      out.warn(`${where} has a non-string entry`);
      continue;
    }
    const requirement = parseRequirement(item);
    if (!requirement) {
      out.warn(`${where}: cannot read requirement "${item.slice(0, 80)}"`);
      continue;
    }
    out.add({
      name: requirement.name,
      version: requirement.specifier,
      direct: true,
      scope,
      line: lines.findFrom(`"${item}"`, sectionLine) ?? lines.findFrom(`'${item}'`, sectionLine),
    });
  }
}

/** Poetry's `name = "^1.0"` / `name = { version = "^1.0", optional = true }` tables. */
function readPoetryTable(
  value: unknown,
  where: string,
  scope: DependencyScope,
  out: ManifestCollector,
  add: Add,
  lines: LineLocator,
  sectionLine: number | undefined,
): void {
  if (!isRecord(value)) {
    out.warn(`${where} is not a table`);
    return;
  }
  for (const [name, spec] of Object.entries(value)) {
    if (name.toLowerCase() === 'python') continue;
    // Several constraints for different pythons: an array of tables.
    const first: unknown = Array.isArray(spec) ? spec[0] : spec;
    let version: string | undefined;
    let entryScope = scope;
    if (typeof first === 'string') {
      version = first;
    } else if (isRecord(first)) {
      if (typeof first.version === 'string') version = first.version;
      if (first.optional === true && scope === 'runtime') entryScope = 'optional';
    } else {
      out.warn(`${where}.${name} has an unreadable specification`);
      continue;
    }
    add(name, version, entryScope, lines.findFrom(name, sectionLine));
  }
}

/**
 * Hatch metadata hooks (hatch-requirements-txt, uv-dynamic-versioning, …) fill `dynamic`
 * dependencies from `[tool.hatch.metadata.hooks.NAME.dependencies]` and
 * `.optional-dependencies`, laid out as in PEP 621.
 */
function readHatchMetadataHooks(
  tool: Record<string, unknown>,
  out: ManifestCollector,
  lines: LineLocator,
): void {
  const hatch = isRecord(tool.hatch) ? tool.hatch : {};
  const metadata = isRecord(hatch.metadata) ? hatch.metadata : {};
  const hooks = isRecord(metadata.hooks) ? metadata.hooks : {};
  for (const [hook, body] of Object.entries(hooks)) {
    if (!isRecord(body)) continue;
    const base = `tool.hatch.metadata.hooks.${hook}`;
    if (Array.isArray(body.dependencies)) {
      const at = lines.find(`[${base}]`);
      readRequirementList(body.dependencies, `${base}.dependencies`, 'runtime', out, lines, at);
    }
    const optional = body['optional-dependencies'];
    if (isRecord(optional)) {
      const at = lines.find(`[${base}.optional-dependencies]`);
      for (const [extra, list] of Object.entries(optional)) {
        const scope = scopeForGroup(extra, 'optional');
        const where = `${base}.optional-dependencies.${extra}`;
        readRequirementList(list, where, scope, out, lines, lines.findFrom(extra, at));
      }
    }
  }
}

/**
 * pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies, PEP 735
 * `[dependency-groups]`, `[build-system] requires`, Hatch metadata hooks, Poetry (`[tool.poetry.dependencies]`,
 * dev-dependencies, groups), uv and PDM dev lists.
 */
export function parsePyproject(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'pypi');
  const doc = parseToml(file.content) as Record<string, unknown>;
  const lines = new LineLocator(file.content);
  const add: Add = (name, version, scope, line) =>
    out.add({ name, version, direct: true, scope, line });

  const project = doc.project;
  if (isRecord(project)) {
    const at = lines.find('[project]');
    if (project.dependencies !== undefined) {
      readRequirementList(project.dependencies, 'project.dependencies', 'runtime', out, lines, at);
    }
    const optional = project['optional-dependencies'];
    if (isRecord(optional)) {
      const optAt = lines.find('[project.optional-dependencies]') ?? at;
      for (const [extra, list] of Object.entries(optional)) {
        const where = `project.optional-dependencies.${extra}`;
        const scope = scopeForGroup(extra, 'optional');
        readRequirementList(list, where, scope, out, lines, lines.findFrom(extra, optAt));
      }
    }
  }
  const groups = doc['dependency-groups'];
  if (isRecord(groups)) {
    const at = lines.find('[dependency-groups]');
    for (const [group, list] of Object.entries(groups)) {
      const scope = scopeForGroup(group, 'dev');
      readRequirementList(list, `dependency-groups.${group}`, scope, out, lines, at);
    }
  }
  const build = doc['build-system'];
  if (isRecord(build) && build.requires !== undefined) {
    const at = lines.find('[build-system]');
    readRequirementList(build.requires, 'build-system.requires', 'build', out, lines, at);
  }

  const tool = isRecord(doc.tool) ? doc.tool : {};
  readHatchMetadataHooks(tool, out, lines);
  const poetry = tool.poetry;
  if (isRecord(poetry)) {
    if (poetry.dependencies !== undefined) {
      const at = lines.find('[tool.poetry.dependencies]');
      readPoetryTable(
        poetry.dependencies,
        'tool.poetry.dependencies',
        'runtime',
        out,
        add,
        lines,
        at,
      );
    }
    if (poetry['dev-dependencies'] !== undefined) {
      const at = lines.find('[tool.poetry.dev-dependencies]');
      const where = 'tool.poetry.dev-dependencies';
      readPoetryTable(poetry['dev-dependencies'], where, 'dev', out, add, lines, at);
    }
    if (isRecord(poetry.group)) {
      for (const [group, body] of Object.entries(poetry.group)) {
        if (!isRecord(body) || body.dependencies === undefined) continue;
        const at = lines.find(`[tool.poetry.group.${group}.dependencies]`);
        const where = `tool.poetry.group.${group}.dependencies`;
        // Poetry installs a group by default unless it says `optional = true`.
        const scope = scopeForGroup(group, body.optional === true ? 'optional' : 'runtime');
        readPoetryTable(body.dependencies, where, scope, out, add, lines, at);
      }
    }
  }
  const uv = tool.uv;
  if (isRecord(uv) && uv['dev-dependencies'] !== undefined) {
    const at = lines.find('[tool.uv]');
    readRequirementList(uv['dev-dependencies'], 'tool.uv.dev-dependencies', 'dev', out, lines, at);
  }
  const pdm = tool.pdm;
  if (isRecord(pdm) && isRecord(pdm['dev-dependencies'])) {
    const at = lines.find('[tool.pdm.dev-dependencies]');
    for (const [group, list] of Object.entries(pdm['dev-dependencies'])) {
      const scope = scopeForGroup(group, 'dev');
      readRequirementList(list, `tool.pdm.dev-dependencies.${group}`, scope, out, lines, at);
    }
  }
  return out.result();
}
