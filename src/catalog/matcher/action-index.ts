import type { ActionRule, ToolAction, ToolRequest } from '../catalog.types';

interface CompiledRule {
  action: ToolAction;
  host?: string;
  path: RegExp;
  method?: string;
  minBytesUp?: number;
}

/**
 * A path pattern as a regular expression over the whole path: `**` any characters, `*` any
 * characters but `/`. Anchored at both ends, so `/backend-api/files` never matches
 * `/backend-api/files-and-more`.
 */
export function compilePathPattern(pattern: string): RegExp {
  const body = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

function hostMatches(host: string, rule: string): boolean {
  return host === rule || host.endsWith(`.${rule}`);
}

/** Tool → its action rules in catalog order; the first that matches a request names the action. */
export class ActionIndex {
  private readonly byTool = new Map<string, CompiledRule[]>();

  add(toolId: string, rule: ActionRule): void {
    const list = this.byTool.get(toolId) ?? [];
    list.push({
      action: rule.action,
      host: rule.host?.toLowerCase(),
      path: compilePathPattern(rule.path),
      method: rule.method?.toUpperCase(),
      minBytesUp: rule.minBytesUp,
    });
    this.byTool.set(toolId, list);
  }

  has(toolId: string): boolean {
    return this.byTool.has(toolId);
  }

  match(toolId: string, request: ToolRequest): ToolAction | undefined {
    const rules = this.byTool.get(toolId);
    if (!rules) return undefined;
    const host = request.host.toLowerCase();
    const q = request.path.search(/[?#]/);
    const path = q < 0 ? request.path : request.path.slice(0, q);
    const method = request.method?.toUpperCase();
    for (const r of rules) {
      if (r.host !== undefined && !hostMatches(host, r.host)) continue;
      // a rule that needs a method or a size never matches a log that does not carry it
      if (r.method !== undefined && r.method !== method) continue;
      if (r.minBytesUp !== undefined && (request.bytesUp ?? 0) < r.minBytesUp) continue;
      if (r.path.test(path)) return r.action;
    }
    return undefined;
  }
}
