// Rules a reader relies on that no compiler checks: one name means one thing, a types file holds
// types, one progress callback, one list of identity kinds. Each rule is a pure function over
// source texts, so a spec can prove it fails on a bad sample as well as pass on src/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { IDENTITY_KINDS } from '../../src/people/identity/identity-kinds';

export interface SourceFile {
  /** relative to the repository root, forward slashes */
  path: string;
  text: string;
}

const IDENTITY_KIND_HOME = 'src/people/identity/identity-kinds.ts';
const PROGRESS_HOME = 'src/jobs/job.types.ts';
const IDENTITY_KIND_WORDS = new Set<string>(IDENTITY_KINDS);

/** Every non-spec .ts file under `dir` of `root`. */
export function readSources(root: string, dir = 'src'): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !/\.(spec|e2e-spec)\.ts$/.test(entry.name))
        out.push({ path: child, text: fs.readFileSync(path.join(root, child), 'utf8') });
    }
  };
  walk(dir);
  return out;
}

function parse(file: SourceFile): ts.SourceFile {
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.ES2022, true);
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/** Exported types, interfaces, classes and enums that share a name with another file's. */
export function sharedTypeNames(files: SourceFile[]): string[] {
  const homes = new Map<string, string[]>();
  for (const file of files) {
    for (const statement of parse(file).statements) {
      if (
        (ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isEnumDeclaration(statement)) &&
        statement.name &&
        isExported(statement)
      )
        homes.set(statement.name.text, [...(homes.get(statement.name.text) ?? []), file.path]);
    }
  }
  return [...homes]
    .filter(([, paths]) => paths.length > 1)
    .map(([name, paths]) => `${name}: ${paths.join(', ')}`);
}

/** `*.types.ts` files that pass on a value from another module (ties their importers to it). */
export function typesFilesReexportingValues(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.types.ts'))) {
    for (const statement of parse(file).statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) continue;
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      const passesValue =
        !clause || ts.isNamespaceExport(clause) || clause.elements.some((e) => !e.isTypeOnly);
      if (passesValue) out.push(`${file.path}: ${statement.getText()}`);
    }
  }
  return out;
}

/** Function types whose first parameter is a percentage: the progress callback, declared again. */
export function progressCallbackTypes(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files.filter((f) => f.path !== PROGRESS_HOME)) {
    const source = parse(file);
    visit(source, (node) => {
      if (!ts.isFunctionTypeNode(node)) return;
      const first = node.parameters[0]?.name;
      if (first && ts.isIdentifier(first) && /^(percent|pct|progress)$/i.test(first.text))
        out.push(`${file.path}:${source.getLineAndCharacterOfPosition(node.pos).line + 1}`);
    });
  }
  return out;
}

/**
 * Unions or lists made of identity kinds only, outside the people module's list: a second list
 * that would drift. Extract<IdentityKind, …>/Exclude<IdentityKind, …> derive from the list.
 */
export function identityKindLists(files: SourceFile[]): string[] {
  const out: string[] = [];
  const isKind = (n: ts.Node) =>
    (ts.isLiteralTypeNode(n) &&
      ts.isStringLiteral(n.literal) &&
      IDENTITY_KIND_WORDS.has(n.literal.text)) ||
    (ts.isStringLiteral(n) && IDENTITY_KIND_WORDS.has(n.text));
  const onlyKinds = (nodes: readonly ts.Node[]) => nodes.length >= 2 && nodes.every(isKind);
  for (const file of files.filter((f) => f.path !== IDENTITY_KIND_HOME)) {
    const source = parse(file);
    visit(source, (node) => {
      const derived =
        ts.isTypeReferenceNode(node.parent ?? node) &&
        /^(Extract|Exclude)$/.test((node.parent as ts.TypeReferenceNode).typeName.getText());
      if (
        (ts.isUnionTypeNode(node) && !derived && onlyKinds(node.types)) ||
        (ts.isArrayLiteralExpression(node) && onlyKinds(node.elements))
      )
        out.push(`${file.path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    });
  }
  return out;
}
