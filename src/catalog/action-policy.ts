import { POLICY_STATUSES, TOOL_ACTIONS } from './catalog.types';

/**
 * Why a per-action policy value is unusable, or undefined when it is fine: a mapping of action
 * (chat, upload …) to policy status. null and {} both mean "no per-action statuses".
 */
export function actionPoliciesProblem(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    return `must be a mapping of action (${TOOL_ACTIONS.join(', ')}) to status`;
  for (const [action, status] of Object.entries(value)) {
    if (!(TOOL_ACTIONS as readonly string[]).includes(action))
      return `"${action}" is not an action (${TOOL_ACTIONS.join(', ')})`;
    if (!(POLICY_STATUSES as readonly string[]).includes(status as string))
      return `${action} must be one of ${POLICY_STATUSES.join(', ')}`;
  }
  return undefined;
}

/** The same per-action statuses, written in action order (for comparing and storing). */
export function sortedActions<T extends Record<string, unknown>>(value: T | undefined | null): T {
  const out: Record<string, unknown> = {};
  for (const a of TOOL_ACTIONS) if (value && value[a] !== undefined) out[a] = value[a];
  return out as T;
}
