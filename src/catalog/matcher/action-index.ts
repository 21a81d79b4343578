import type { ActionRule, RequestBytes, ToolAction, ToolRequest } from '../catalog.types';

interface CompiledRule {
  action: ToolAction;
  host?: string;
  path: RegExp;
  method?: string;
  minBytesUp?: number;
  /** the pattern's bytes before its first `*` and after its last, lower-cased (see matchBytes) */
  head: Buffer;
  tail: Buffer;
  /** no `*` at all: the head is the whole pattern */
  literal: boolean;
  /** pattern, host and method are ASCII: their bytes say what their strings would */
  ascii: boolean;
}

/** matchBytes's answer where only the regular expression can tell (build the strings then) */
export const ASK_STRINGS = null;

const lowerByte = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);
const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
};

/** [s, e) of buf equals `lower` (lower-cased bytes) in ASCII case-insensitive order */
function sameFolded(buf: Buffer, s: number, e: number, lower: Buffer): boolean {
  if (e - s !== lower.length) return false;
  for (let i = s, k = 0; i < e; i++, k++) if (lowerByte(buf[i]) !== lower[k]) return false;
  return true;
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
    const first = rule.path.indexOf('*');
    const literal = first < 0;
    const lower = rule.path.toLowerCase();
    list.push({
      action: rule.action,
      host: rule.host?.toLowerCase(),
      path: compilePathPattern(rule.path),
      method: rule.method?.toUpperCase(),
      minBytesUp: rule.minBytesUp,
      head: Buffer.from(literal ? lower : lower.slice(0, first), 'latin1'),
      tail: Buffer.from(literal ? '' : lower.slice(lower.lastIndexOf('*') + 1), 'latin1'),
      literal,
      ascii: isAscii(rule.path) && isAscii(rule.host ?? '') && isAscii(rule.method ?? ''),
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

  /**
   * match() for a request given as bytes, without building its strings: the action, undefined
   * when no rule matches, or ASK_STRINGS when a rule's wildcards must decide (or a byte is past
   * ASCII). Each rule's host, method, size and literal head and tail are checked on bytes; a rule
   * that fails one of them cannot match, so the answer is match()'s.
   */
  matchBytes(
    toolId: string,
    buf: Buffer,
    r: RequestBytes,
    bytesUp: number | undefined,
  ): ToolAction | undefined | typeof ASK_STRINGS {
    const rules = this.byTool.get(toolId);
    if (!rules) return undefined;
    const { hostStart, hostEnd, pathStart, methodStart, methodEnd } = r;
    let pathEnd = pathStart;
    // match() cuts the path at its query or fragment
    for (; pathEnd < r.pathEnd; pathEnd++) {
      const c = buf[pathEnd];
      if (c === 63 || c === 35) break;
      if (c > 127) return ASK_STRINGS;
    }
    for (let i = hostStart; i < hostEnd; i++) if (buf[i] > 127) return ASK_STRINGS;
    for (let i = methodStart; i < methodEnd; i++) if (buf[i] > 127) return ASK_STRINGS;
    for (const rule of rules) {
      if (!rule.ascii) return ASK_STRINGS;
      if (rule.host !== undefined && !hostOnBytes(buf, hostStart, hostEnd, rule.host)) continue;
      if (rule.method !== undefined && !methodOnBytes(buf, methodStart, methodEnd, rule.method))
        continue;
      if (rule.minBytesUp !== undefined && (bytesUp ?? 0) < rule.minBytesUp) continue;
      const { head, tail } = rule;
      if (rule.literal) {
        if (sameFolded(buf, pathStart, pathEnd, head)) return rule.action;
        continue;
      }
      if (pathEnd - pathStart < head.length + tail.length) continue;
      if (!sameFolded(buf, pathStart, pathStart + head.length, head)) continue;
      if (!sameFolded(buf, pathEnd - tail.length, pathEnd, tail)) continue;
      return ASK_STRINGS;
    }
    return undefined;
  }
}

/** hostMatches on bytes: the host (lower-cased) is the rule's or ends with "." and the rule's */
function hostOnBytes(buf: Buffer, s: number, e: number, rule: string): boolean {
  const len = rule.length;
  const n = e - s;
  if (n < len || (n > len && buf[e - len - 1] !== 46)) return false;
  for (let i = 0; i < len; i++)
    if (lowerByte(buf[e - len + i]) !== rule.charCodeAt(i)) return false;
  return true;
}

/** the method (upper-cased) is the rule's */
function methodOnBytes(buf: Buffer, s: number, e: number, rule: string): boolean {
  if (e - s !== rule.length) return false;
  for (let i = 0; i < rule.length; i++) {
    const c = buf[s + i];
    if ((c >= 97 && c <= 122 ? c - 32 : c) !== rule.charCodeAt(i)) return false;
  }
  return true;
}
