import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/** A table and the module folder (relative to the repository root) that declares its entity. */
export interface TableOwner {
  table: string;
  module: string;
  entityFile: string;
}

export interface OwnershipViolation {
  file: string;
  line: number;
  table: string;
  owner: string;
  what: string;
}

const SQL_BEFORE_TABLE =
  /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|REFERENCES|EXISTS)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;

export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** The module of an entity is the folder holding its `entities/` folder. */
export function tableOwners(root: string, files: string[]): TableOwner[] {
  const owners: TableOwner[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*'([a-z0-9_]+)'/g)) {
      const entityDir = dirname(file);
      const module = entityDir.endsWith(`${sep}entities`) ? dirname(entityDir) : entityDir;
      owners.push({
        table: m[1],
        module: relative(root, module),
        entityFile: relative(root, file),
      });
    }
  }
  return owners;
}

/** Every table a migration creates. */
export function migratedTables(migrationFiles: string[]): string[] {
  const tables = new Set<string>();
  for (const file of migrationFiles)
    for (const m of readFileSync(file, 'utf8').matchAll(
      /CREATE\s+TABLE\s+(?:IF NOT EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/g,
    ))
      tables.add(m[1]);
  return [...tables].sort();
}

const inside = (file: string, module: string) => file === module || file.startsWith(module + sep);

/**
 * SQL in string literals and templates that names a table of another module, and imports of
 * another module's entities (TypeORM reaches a table through its entity class).
 */
export function ownershipViolations(
  root: string,
  files: string[],
  owners: TableOwner[],
): OwnershipViolation[] {
  const ownerOf = new Map(owners.map((o) => [o.table, o]));
  const entityFiles = new Map(
    owners.map((o) => [o.entityFile.replace(/\.ts$/, ''), o] as [string, TableOwner]),
  );
  const out: OwnershipViolation[] = [];
  for (const abs of files) {
    const file = relative(root, abs);
    const source = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest);
    const report = (node: ts.Node, owner: TableOwner, what: string) =>
      out.push({
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        table: owner.table,
        owner: owner.module,
        what,
      });
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const spec = node.moduleSpecifier.text;
        if (spec.startsWith('.')) {
          const target = relative(root, join(dirname(abs), spec));
          const owner = entityFiles.get(target);
          if (owner && !inside(file, owner.module))
            report(node, owner, `imports the entity of ${owner.module}`);
        }
      }
      const text =
        ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
          ? node.text
          : ts.isTemplateExpression(node)
            ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
            : undefined;
      if (text !== undefined) {
        for (const m of text.matchAll(SQL_BEFORE_TABLE)) {
          const owner = ownerOf.get(m[1]);
          if (owner && !inside(file, owner.module))
            report(node, owner, `names table ${owner.table} in SQL`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
