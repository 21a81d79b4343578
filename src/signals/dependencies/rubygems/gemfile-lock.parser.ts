import type { ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';

/** "name (1.2.3)" or "name (1.2.3-x86_64-linux)" or "name" → parts. */
function readSpec(text: string): { name: string; version?: string } {
  const match = /^(\S+?)(!)?(?:\s+\(([^)]*)\))?$/.exec(text.trim());
  if (!match) return { name: text.trim() };
  return { name: match[1], version: match[3] };
}

/**
 * Gemfile.lock, by its indentation: under GEM/GIT/PATH `specs:` a 4-space line is a locked gem
 * and 6-space lines its dependencies; the DEPENDENCIES section (2 spaces) lists what the Gemfile
 * asked for, so those gems are direct (with the dependencies of the repository's own PATH gems)
 * and the rest transitive.
 */
export function parseGemfileLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'rubygems');
  const locked: Array<{ name: string; version?: string; line: number }> = [];
  const direct = new Set<string>();
  // A gem developed in this repository (`gemspec` in the Gemfile) appears under PATH; what it
  // depends on is the project's own choice, so direct too.
  const pathDependencies = new Set<string>();
  let section = '';
  let inSpecs = false;
  file.content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (!raw.trim()) return;
    const indent = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (indent === 0) {
      section = text;
      inSpecs = false;
      return;
    }
    if (['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE'].includes(section)) {
      if (indent === 2) inSpecs = text === 'specs:';
      else if (indent === 4 && inSpecs) {
        const spec = readSpec(text);
        // PATH gems are the project's own code, not something downloaded.
        if (section !== 'PATH') locked.push({ ...spec, line: lineNo });
      } else if (indent === 6 && inSpecs && section === 'PATH') {
        pathDependencies.add(readSpec(text).name);
      } else if (indent !== 6 && inSpecs) {
        out.warn(`unexpected indentation of ${indent} in specs`, lineNo);
      }
    } else if (section === 'DEPENDENCIES' && indent === 2) {
      direct.add(readSpec(text).name.replace(/!$/, ''));
    }
  });
  if (locked.length === 0 && direct.size === 0) out.warn('no GEM specs or DEPENDENCIES found');
  for (const gem of locked) {
    out.add({
      name: gem.name,
      version: gem.version,
      direct: direct.has(gem.name) || pathDependencies.has(gem.name),
      scope: 'runtime',
      line: gem.line,
    });
  }
  return out.result();
}
