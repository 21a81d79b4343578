import type { ToolDefinition } from '../../catalog/catalog.types';
import type { ToolPolicy } from '../../catalog/policy-yaml';

/**
 * The sanctioned tools of the same category as the one a nudge is about, by name: what a person
 * can use instead. Falls back to every sanctioned tool when none shares the category.
 */
export function approvedAlternatives(
  toolId: string,
  tools: readonly ToolDefinition[],
  policies: ReadonlyMap<string, ToolPolicy>,
): string[] {
  const tool = tools.find((t) => t.id === toolId);
  const sanctioned = tools.filter(
    (t) => t.id !== toolId && policies.get(t.id)?.status === 'sanctioned',
  );
  const same = sanctioned.filter((t) => t.category === tool?.category);
  return (same.length ? same : sanctioned).map((t) => t.name).sort((a, b) => a.localeCompare(b));
}

/** One sentence on what the policy allows, for a nudge. */
export function policySentence(name: string, p: ToolPolicy | undefined): string {
  const status = p?.status ?? 'unreviewed';
  const classes = p?.dataClasses.length ? p.dataClasses.join(', ') : null;
  const base: Record<string, string> = {
    sanctioned: `${name} is approved`,
    tolerated: `${name} is tolerated`,
    'under-review': `${name} is under review and not yet approved`,
    prohibited: `${name} is not allowed for work`,
    unreviewed: `${name} has not been reviewed and is not approved`,
  };
  let s = base[status] ?? `${name}: ${status}`;
  if (classes && (status === 'sanctioned' || status === 'tolerated'))
    s += ` for ${classes} data only`;
  if (p?.tenantBound) s += ", through the organisation's own account";
  s += '.';
  if (p?.note) s += ` ${p.note}`;
  return s;
}
