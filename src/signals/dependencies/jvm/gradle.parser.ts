// build.gradle (Groovy) and build.gradle.kts (Kotlin) have no parser we can run here, so this
// tokenizes the files (comments, strings, identifiers, punctuation) and reads only the
// dependency declaration call forms: `conf 'g:a:v'`, `conf("g:a:v")`, `conf group: 'g', name: 'a',
// version: 'v'`, `conf(group = "g", name = "a", version = "v")`, `conf platform("g:a:v")`.
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';

type Token =
  | { kind: 'ident'; value: string; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'punct'; value: string; line: number }
  | { kind: 'newline'; line: number };

export function tokenizeGradle(source: string): { tokens: Token[]; error?: string } {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\n') {
      tokens.push({ kind: 'newline', line });
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) return { tokens, error: `line ${line}: unterminated block comment` };
      for (let j = i; j < end; j++) if (source[j] === '\n') line++;
      i = end + 2;
    } else if (ch === '"' || ch === "'") {
      const triple = source.startsWith(ch.repeat(3), i);
      const delimiter = triple ? ch.repeat(3) : ch;
      const startLine = line;
      let j = i + delimiter.length;
      let value = '';
      while (j < source.length && !source.startsWith(delimiter, j)) {
        if (source[j] === '\\' && j + 1 < source.length) {
          value += source[j + 1];
          j += 2;
          continue;
        }
        if (source[j] === '\n') {
          if (!triple) return { tokens, error: `line ${line}: unterminated string` };
          line++;
        }
        value += source[j++];
      }
      if (j >= source.length) return { tokens, error: `line ${startLine}: unterminated string` };
      tokens.push({ kind: 'string', value, line: startLine });
      i = j + delimiter.length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      let j = i + 1;
      while (j < source.length && /[A-Za-z0-9_$.]/.test(source[j])) j++;
      tokens.push({ kind: 'ident', value: source.slice(i, j), line });
      i = j;
    } else {
      tokens.push({ kind: 'punct', value: ch, line });
      i++;
    }
  }
  return { tokens };
}

const CONFIGURATION =
  /^(implementation|api|compileOnly|runtimeOnly|compile|runtime|annotationProcessor|kapt|ksp|classpath|developmentOnly|[a-z][A-Za-z0-9]*(Implementation|Api|CompileOnly|RuntimeOnly|AnnotationProcessor|Compile|Runtime))$/;

/** Calls inside a declaration whose argument is not a Maven coordinate. */
const NON_MAVEN = new Set(['project', 'files', 'fileTree', 'kotlin', 'gradleApi', 'localGroovy']);

export function scopeForConfiguration(configuration: string): DependencyScope {
  if (/^(test|androidTest|integrationTest)|Test/.test(configuration)) return 'test';
  if (/^(classpath|annotationProcessor|kapt|ksp|compileOnly)$/.test(configuration)) return 'build';
  if (/(CompileOnly|AnnotationProcessor)$/.test(configuration)) return 'build';
  if (configuration === 'developmentOnly') return 'dev';
  return 'runtime';
}

/** Arguments of the call starting after `start`: up to the matching ')' or the end of line. */
function argumentsAfter(tokens: Token[], start: number): Token[] {
  const first = tokens[start];
  if (!first) return [];
  if (first.kind === 'punct' && first.value === '(') {
    let depth = 0;
    for (let j = start; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.kind === 'punct' && t.value === '(') depth++;
      if (t.kind === 'punct' && t.value === ')' && --depth === 0) return tokens.slice(start + 1, j);
    }
    return tokens.slice(start + 1);
  }
  const args: Token[] = [];
  let depth = 0;
  for (let j = start; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth === 0 && (t.kind === 'newline' || (t.kind === 'punct' && t.value === '{'))) {
      // A trailing comma continues a Groovy argument list on the next line.
      const previous = args[args.length - 1];
      if (t.kind === 'newline' && previous?.kind === 'punct' && previous.value === ',') continue;
      break;
    }
    args.push(t);
  }
  return args;
}

export function parseGradleBuild(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'maven');
  const { tokens, error } = tokenizeGradle(file.content);
  if (error) out.warn(error);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'ident' || !CONFIGURATION.test(token.value)) continue;
    const next = tokens[i + 1];
    // `implementation {` configures the configuration itself; `x.implementation` is not a call.
    if (!next || next.kind === 'newline' || (next.kind === 'punct' && next.value !== '(')) continue;
    const args = argumentsAfter(tokens, i + 1);
    const scope = scopeForConfiguration(token.value);
    const firstIdent = args.find((a) => a.kind === 'ident');
    if (firstIdent && NON_MAVEN.has(firstIdent.value) && args[0] === firstIdent) continue;
    const named = new Map<string, string>();
    for (let j = 0; j + 2 < args.length; j++) {
      const [key, sep, value] = [args[j], args[j + 1], args[j + 2]];
      if (
        key.kind === 'ident' &&
        sep.kind === 'punct' &&
        (sep.value === ':' || sep.value === '=') &&
        value.kind === 'string'
      ) {
        named.set(key.value, value.value);
      }
    }
    if (named.has('group') && named.has('name')) {
      out.add({
        name: `${named.get('group')}:${named.get('name')}`,
        version: named.get('version'),
        direct: true,
        scope,
        line: token.line,
      });
      continue;
    }
    for (const arg of args) {
      if (arg.kind !== 'string' || !arg.value.includes(':')) continue;
      const [group, artifact, version] = arg.value.split(':');
      if (!group || !artifact) {
        out.warn(`cannot read coordinates "${arg.value}"`, arg.line);
        continue;
      }
      out.add({
        name: `${group}:${artifact}`,
        version: version?.split('@')[0],
        direct: true,
        scope,
        line: arg.line,
      });
    }
  }
  return out.result();
}
