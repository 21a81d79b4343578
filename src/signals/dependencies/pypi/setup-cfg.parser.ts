import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';
import { parseRequirement, scopeForGroup } from './pep508';

interface IniValue {
  section: string;
  key: string;
  /** each value line with its 1-based line number */
  values: Array<{ text: string; line: number }>;
}

/** A small INI reader in the dialect of Python's configparser (indented continuation lines). */
export function readIni(content: string): { entries: IniValue[]; errors: number[] } {
  const entries: IniValue[] = [];
  const errors: number[] = [];
  let section = '';
  let current: IniValue | undefined;
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (/^\s/.test(raw) && current) {
      current.values.push({ text: trimmed, line });
      return;
    }
    const header = /^\[([^\]]+)\]\s*$/.exec(trimmed);
    if (header) {
      section = header[1].trim();
      current = undefined;
      return;
    }
    const eq = trimmed.search(/[=:]/);
    if (eq <= 0) {
      errors.push(line);
      current = undefined;
      return;
    }
    current = { section, key: trimmed.slice(0, eq).trim(), values: [] };
    const value = trimmed.slice(eq + 1).trim();
    if (value) current.values.push({ text: value, line });
    entries.push(current);
  });
  return { entries, errors };
}

const OPTION_SCOPES: Record<string, DependencyScope> = {
  install_requires: 'runtime',
  setup_requires: 'build',
  tests_require: 'test',
};

/** setup.cfg: `[options]` install_requires / setup_requires / tests_require and extras_require. */
export function parseSetupCfg(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'pypi');
  const { entries, errors } = readIni(file.content);
  for (const line of errors) out.warn('not a section, key or continuation line', line);
  for (const entry of entries) {
    let scope: DependencyScope | undefined;
    if (entry.section === 'options') scope = OPTION_SCOPES[entry.key];
    else if (entry.section === 'options.extras_require') {
      scope = scopeForGroup(entry.key, 'optional');
    }
    if (!scope) continue;
    for (const value of entry.values) {
      const text = value.text.replace(/\s+#.*$/, '').trim();
      if (!text || text.startsWith('file:')) continue;
      const requirement = parseRequirement(text);
      if (!requirement) {
        out.warn(`${entry.section}.${entry.key}: cannot read requirement "${text}"`, value.line);
        continue;
      }
      out.add({
        name: requirement.name,
        version: requirement.specifier,
        direct: true,
        scope,
        line: value.line,
      });
    }
  }
  return out.result();
}
