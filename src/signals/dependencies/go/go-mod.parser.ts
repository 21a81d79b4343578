import type { ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';

/** Directives whose blocks do not declare requirements. */
const OTHER_DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'replace',
  'exclude',
  'retract',
  'tool',
  'godebug',
  'ignore',
]);

function unquote(token: string): string {
  return token.startsWith('"') || token.startsWith('`') ? token.slice(1, -1) : token;
}

/**
 * go.mod, read line by line with the go.mod grammar: `require path version` or a `require (…)`
 * block; a `// indirect` comment marks a module the build needs only through another one.
 */
export function parseGoMod(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'go');
  let block: string | undefined;
  file.content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const commentAt = raw.indexOf('//');
    const comment = commentAt === -1 ? '' : raw.slice(commentAt + 2).trim();
    const code = (commentAt === -1 ? raw : raw.slice(0, commentAt)).trim();
    if (!code) return;
    if (block !== undefined) {
      if (code === ')') {
        block = undefined;
        return;
      }
      if (block === 'require') readRequire(code, comment, lineNo, out);
      return;
    }
    const [directive, ...rest] = code.split(/\s+/);
    if (rest.join(' ') === '(') {
      block = directive;
      if (directive !== 'require' && !OTHER_DIRECTIVES.has(directive)) {
        out.warn(`unknown directive "${directive}"`, lineNo);
      }
      return;
    }
    if (directive === 'require') readRequire(rest.join(' '), comment, lineNo, out);
    else if (!OTHER_DIRECTIVES.has(directive)) out.warn(`unknown directive "${directive}"`, lineNo);
  });
  if (block !== undefined) out.warn(`the "${block} (" block is never closed`);
  return out.result();
}

function readRequire(text: string, comment: string, lineNo: number, out: ManifestCollector): void {
  const tokens = text.split(/\s+/);
  if (tokens.length !== 2) {
    out.warn(`expected "module/path version" but found "${text}"`, lineNo);
    return;
  }
  out.add({
    name: unquote(tokens[0]),
    version: tokens[1],
    // "// indirect" may be followed by more comment text ("// indirect; needed for tests").
    direct: !/^indirect\b/.test(comment),
    scope: 'runtime',
    line: lineNo,
  });
}
