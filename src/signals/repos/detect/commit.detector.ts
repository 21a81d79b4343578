import type { CommitFacts, ToolMatch, ToolMatcher } from '../../../catalog/catalog.types';
import { confidenceOf, type ConfidenceKind } from '../../../evidence/confidence';
import type { TraceIdentity, RepoCommit, RepoTrace } from '../repo-scan.types';

interface Who {
  name: string;
  email: string;
  login?: string;
}

const CO_AUTHOR = /^co-authored-by:\s*(.*?)\s*<([^>]*)>\s*$/gim;

/**
 * AI co-author trailers, tool footers, marked committer names and AI agent authors. The catalog's
 * matcher decides what is AI; this detector only decides whom the commit is attributed to.
 */
export function detectCommits(commits: RepoCommit[], matcher: ToolMatcher): RepoTrace[] {
  const traces: RepoTrace[] = [];
  const aiCache = new Map<string, boolean>();
  const isAi = (who: Who): boolean => {
    const k = `${who.email}|${who.login ?? ''}`.toLowerCase();
    let v = aiCache.get(k);
    if (v === undefined) {
      v =
        matcher.matchCommit({
          // identities are e-mails and logins; a display name alone ("Jane (aider)") marks nobody
          authorName: '',
          authorEmail: who.email,
          authorLogin: who.login,
          committerName: '',
          committerEmail: '',
          message: '',
        }).length > 0;
      aiCache.set(k, v);
    }
    return v;
  };

  for (const c of commits) {
    const matches = matcher.matchCommit(c.facts);
    if (matches.length === 0) continue;
    const person = attribute(c.facts, isAi);
    const seen = new Set<string>();
    for (const m of matches) {
      const k = `${m.toolId}|${m.signal}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const confidence = confidenceOf(commitKind(m));
      traces.push({
        toolId: m.toolId,
        signal: m.signal,
        commit: c.sha,
        identity: person,
        firstSeen: c.date,
        lastSeen: c.date,
        confidence: confidence.confidence,
        detail: {
          rule: m.rule,
          confidenceReason: confidence.reason,
          ...(c.ref ? { ref: c.ref } : {}),
          subject: c.facts.message.split('\n', 1)[0].slice(0, 200),
          ...(person ? {} : { attribution: 'no human author or co-author on the commit' }),
        },
      });
    }
  }
  return traces;
}

function commitKind(m: ToolMatch): ConfidenceKind {
  if (m.signal === 'bot-author') return 'botAuthor';
  return m.rule.startsWith('trailer:') ? 'disclosureTrailer' : 'coAuthorTrailer';
}

/** The human behind an AI commit: the author, else a human co-author, else a human committer. */
export function attribute(
  facts: CommitFacts,
  isAi: (who: Who) => boolean,
): TraceIdentity | undefined {
  const author: Who = {
    name: facts.authorName,
    email: facts.authorEmail,
    login: facts.authorLogin,
  };
  const committer: Who = { name: facts.committerName, email: facts.committerEmail };
  const coAuthors: Who[] = [...facts.message.matchAll(CO_AUTHOR)].map((m) => ({
    name: m[1],
    email: m[2],
  }));
  for (const who of [author, ...coAuthors, committer]) {
    if (!who.email || isAi(who) || isOrdinaryBot(who)) continue;
    return { kind: 'commit-email', value: who.email.toLowerCase(), name: humanName(who.name) };
  }
  return undefined;
}

/** Automation accounts that are not people: any [bot] account, and GitHub's web-flow committer. */
export function isOrdinaryBot(who: Who): boolean {
  const email = who.email.toLowerCase();
  return (
    /\[bot\]/i.test(who.name) ||
    /\[bot\]/.test(email) ||
    /\[bot\]/i.test(who.login ?? '') ||
    email === 'noreply@github.com' ||
    email === 'action@github.com'
  );
}

// aider and similar tools mark the human's name ("Jane Doe (aider)"); keep only the person's name.
function humanName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '').trim();
}
