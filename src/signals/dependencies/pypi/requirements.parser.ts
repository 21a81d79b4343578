import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';
import { parseRequirement } from './pep508';

/** Options that take a value and say nothing about which projects are installed. */
const SKIPPED_OPTIONS = new Set([
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--trusted-host',
  '--pre',
  '--no-binary',
  '--only-binary',
  '--prefer-binary',
  '--require-hashes',
  '--no-index',
  '--use-feature',
]);

/** requirements-dev.txt → dev, test-requirements.txt → test, anything else runtime. */
export function scopeFromRequirementsPath(path: string): DependencyScope {
  const base = path.split('/').pop()!.toLowerCase();
  if (/(^|[-_.])(tests?|testing)([-_.]|$)/.test(base)) return 'test';
  if (/(^|[-_.])(dev|develop|lint|docs?|typing)([-_.]|$)/.test(base)) return 'dev';
  return 'runtime';
}

/** Path of an included file, relative to the repository root. */
function resolveInclude(fromPath: string, target: string): string {
  const parts = fromPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** Strips a pip comment: '#' at the start or after whitespace (a URL fragment keeps its '#'). */
function stripComment(line: string): string {
  const at = line.search(/(^|\s)#/);
  return at === -1 ? line : line.slice(0, at);
}

/** Project name from an "#egg=name" fragment of a VCS or archive URL. */
function eggName(url: string): string | undefined {
  const match = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
  return match?.[1];
}

interface PendingRequirement {
  index: number;
  via: string[];
}

/**
 * requirements*.txt (pip's format): comments, line continuations, options, `-e` and URL lines,
 * `--hash` options, extras and markers. `-r`/`-c` includes are returned in `includes`. Files
 * compiled by pip-compile say in `# via` comments why a line is there: a line only pulled in
 * by other packages is transitive.
 */
export function parseRequirementsTxt(file: ManifestFile): ParsedManifest & { includes: string[] } {
  const out = new ManifestCollector(file, 'pypi');
  const scope = scopeFromRequirementsPath(file.path);
  const includes: string[] = [];
  const pending: PendingRequirement[] = [];
  let last: PendingRequirement | undefined;
  let readingVia = false;
  const rawLines = file.content.split(/\r?\n/);
  for (let i = 0; i < rawLines.length; i++) {
    const lineNo = i + 1;
    let raw = rawLines[i];
    while (raw.endsWith('\\') && i + 1 < rawLines.length) {
      raw = raw.slice(0, -1) + ' ' + rawLines[++i];
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) {
      const comment = trimmed.replace(/^#\s*/, '');
      if (last && /^via\b/.test(comment)) {
        readingVia = true;
        const inline = comment.replace(/^via\s*/, '').trim();
        if (inline) last.via.push(inline);
      } else if (last && readingVia && comment) {
        last.via.push(comment);
      }
      continue;
    }
    readingVia = false;
    const text = stripComment(raw).trim();
    if (!text) continue;
    last = undefined;
    const include = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(text);
    if (include) {
      includes.push(resolveInclude(file.path, include[2]));
      continue;
    }
    const editable = /^(-e|--editable)(?:\s+|=)(\S+)/.exec(text);
    if (editable) {
      const name = eggName(editable[2]);
      if (name) out.add({ name, direct: true, scope, line: lineNo });
      continue;
    }
    if (text.startsWith('-')) {
      const option = text.split(/[\s=]/)[0];
      if (!SKIPPED_OPTIONS.has(option)) out.warn(`unknown option "${option}"`, lineNo);
      continue;
    }
    // Per-requirement options (--hash=…, --config-settings …) follow the specifier.
    const specifierText = text.replace(/\s+--?[a-z][\w-]*(?:[=\s]\S+)?/g, '').trim();
    if (/^(https?|file|git\+\w+):/.test(specifierText) || specifierText.startsWith('.')) {
      const name = eggName(specifierText);
      if (name) out.add({ name, direct: true, scope, line: lineNo });
      continue;
    }
    const requirement = parseRequirement(specifierText);
    if (!requirement) {
      out.warn(`cannot read requirement "${specifierText.slice(0, 80)}"`, lineNo);
      continue;
    }
    out.add({
      name: requirement.name,
      version: requirement.specifier,
      direct: true,
      scope,
      line: lineNo,
    });
    last = { index: out.dependencies.length - 1, via: [] };
    pending.push(last);
  }
  for (const entry of pending) {
    if (entry.via.length === 0) continue;
    // "-r requirements.in" (or the .in file itself) means the project asked for it; a
    // "-c constraints.txt" only pins a version the other packages pulled in.
    const asked = entry.via.some(
      (v) =>
        !/^-c\s/.test(v) &&
        (/^-r\s/.test(v) ||
          /\.(in|txt)$/.test(v) ||
          /\((pyproject\.toml|setup\.cfg|setup\.py)\)$/.test(v)),
    );
    out.dependencies[entry.index].direct = asked;
  }
  return { ...out.result(), includes };
}
