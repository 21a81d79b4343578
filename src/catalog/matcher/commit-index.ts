import type { CommitFacts, CommitIdentityRule, ToolMatch } from '../catalog.types';

export interface CoAuthor {
  name: string;
  email: string;
}

// `Co-authored-by: Name <email>`; git treats trailer keys case-insensitively.
const CO_AUTHOR = /^[ \t>]*co-authored-by[ \t]*:[ \t]*(.*?)[ \t]*<([^<>\s]+)>[ \t]*$/gim;

/** Every Co-authored-by trailer in a commit message (squash merges carry them mid-message too). */
export function parseCoAuthors(message: string): CoAuthor[] {
  const found: CoAuthor[] = [];
  for (const m of message.matchAll(CO_AUTHOR)) {
    found.push({ name: m[1], email: m[2].toLowerCase() });
  }
  return found;
}

interface PatternRule {
  pattern: RegExp;
  toolId: string;
  rule: string;
}

/**
 * Commit → tools. Only identities (e-mail, e-mail pattern, login), literal message markers a
 * tool writes and name suffixes a tool appends count. Words in prose and display names never
 * do: a human called Devin, or "cursor" in a message about a terminal cursor, match nothing.
 */
export class CommitIndex {
  private readonly emails = new Map<string, string>();
  private readonly logins = new Map<string, string>();
  private readonly emailPatterns: PatternRule[] = [];
  private readonly markers: { marker: string; toolId: string }[] = [];
  private readonly suffixes: { suffix: string; toolId: string }[] = [];

  /** Adds an identity; returns the tool id already holding it, if any. */
  addIdentity(identity: CommitIdentityRule, toolId: string): string | undefined {
    if (identity.email) {
      const email = identity.email.toLowerCase();
      const held = this.emails.get(email);
      if (held !== undefined && held !== toolId) return held;
      this.emails.set(email, toolId);
    }
    if (identity.login) {
      const login = identity.login.toLowerCase();
      const held = this.logins.get(login);
      if (held !== undefined && held !== toolId) return held;
      this.logins.set(login, toolId);
    }
    if (identity.emailPattern) {
      const held = this.emailPatterns.find(
        (p) => p.rule === identity.emailPattern && p.toolId !== toolId,
      );
      if (held) return held.toolId;
      this.emailPatterns.push({
        pattern: new RegExp(identity.emailPattern),
        toolId,
        rule: identity.emailPattern,
      });
    }
    return undefined;
  }

  addMarker(marker: string, toolId: string): string | undefined {
    const held = this.markers.find((m) => m.marker === marker && m.toolId !== toolId);
    if (held) return held.toolId;
    this.markers.push({ marker, toolId });
    return undefined;
  }

  addNameSuffix(suffix: string, toolId: string): string | undefined {
    const held = this.suffixes.find((m) => m.suffix === suffix && m.toolId !== toolId);
    if (held) return held.toolId;
    this.suffixes.push({ suffix, toolId });
    return undefined;
  }

  /** The tool an e-mail address belongs to, for identity resolution elsewhere. */
  matchEmail(email: string): { toolId: string; rule: string } | undefined {
    const e = email.trim().toLowerCase();
    if (e.length === 0) return undefined;
    const exact = this.emails.get(e);
    if (exact !== undefined) return { toolId: exact, rule: `email:${e}` };
    for (const p of this.emailPatterns) {
      if (p.pattern.test(e)) return { toolId: p.toolId, rule: `emailPattern:${p.rule}` };
    }
    return undefined;
  }

  matchLogin(login: string): { toolId: string; rule: string } | undefined {
    const l = login.trim().toLowerCase();
    const hit = this.logins.get(l);
    return hit === undefined ? undefined : { toolId: hit, rule: `login:${l}` };
  }

  match(commit: CommitFacts): ToolMatch[] {
    const out: ToolMatch[] = [];
    const seen = new Set<string>();
    const add = (toolId: string, signal: ToolMatch['signal'], rule: string) => {
      const key = `${toolId}\u0000${signal}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ toolId, signal, rule });
    };
    for (const email of [commit.authorEmail, commit.committerEmail]) {
      const hit = email ? this.matchEmail(email) : undefined;
      if (hit) add(hit.toolId, 'bot-author', hit.rule);
    }
    if (commit.authorLogin) {
      const hit = this.matchLogin(commit.authorLogin);
      if (hit) add(hit.toolId, 'bot-author', hit.rule);
    }
    for (const s of this.suffixes) {
      if (commit.authorName.endsWith(s.suffix) || commit.committerName.endsWith(s.suffix)) {
        add(s.toolId, 'bot-author', `nameSuffix:${s.suffix}`);
      }
    }
    const message = commit.message ?? '';
    if (message.length > 0) {
      for (const co of parseCoAuthors(message)) {
        const hit = this.matchEmail(co.email);
        if (hit) add(hit.toolId, 'commit-trailer', `co-author ${hit.rule}`);
      }
      for (const m of this.markers) {
        if (message.includes(m.marker)) add(m.toolId, 'commit-trailer', `marker:${m.marker}`);
      }
    }
    return out;
  }
}
