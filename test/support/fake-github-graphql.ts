/** A GraphQL error as GitHub's GraphQL endpoint (graphql-ruby) returns it, with HTTP 200. */
export interface GraphqlError {
  path?: string[];
  extensions?: Record<string, unknown>;
  locations?: { line: number; column: number }[];
  message: string;
}

function location(query: string, index: number): { line: number; column: number } {
  const before = query.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * The validation GitHub applies to an operation's variables before it runs anything: a declared
 * variable the operation never uses and a used variable it never declares both fail the whole
 * request (graphql-ruby's VariablesAreUsedAndDefined rule), whatever values were sent.
 */
export function variableErrors(query: string): GraphqlError[] {
  const op = query.match(/^\s*(query|mutation)\s*(\w+)?\s*(\(([^)]*)\))?/);
  if (!op) return [];
  const kind = op[1];
  const operation = op[2] ? `${kind} '${op[2]}'` : `anonymous ${kind}`;
  const declared = new Map<string, number>();
  const declarations = op[4] ?? '';
  const declStart = (op.index ?? 0) + op[0].indexOf('(') + 1;
  for (const d of declarations.matchAll(/\$(\w+)\s*:/g))
    declared.set(d[1], declStart + (d.index ?? 0));
  const body = query.slice((op.index ?? 0) + op[0].length);
  const used = new Map<string, number>();
  for (const u of body.matchAll(/\$(\w+)/g))
    if (!used.has(u[1])) used.set(u[1], (op.index ?? 0) + op[0].length + (u.index ?? 0));
  const errors: GraphqlError[] = [];
  for (const [name, at] of declared)
    if (!used.has(name))
      errors.push({
        path: [kind],
        extensions: { code: 'variableNotUsed', variableName: name },
        locations: [location(query, at)],
        message: `Variable $${name} is declared by ${operation} but not used`,
      });
  for (const [name, at] of used)
    if (!declared.has(name))
      errors.push({
        path: [kind],
        extensions: { code: 'variableNotDefined', variableName: name },
        locations: [location(query, at)],
        message: `Variable $${name} is used by ${operation} but not declared`,
      });
  return errors;
}
