import type { TriageState } from '../findings.types';

export const TRIAGE_ACTIONS = [
  'acknowledge',
  'accept',
  'remediate',
  'mark-false-positive',
  'reopen',
] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

export interface TriageSnapshot {
  state: TriageState;
  acceptedUntil: Date | null;
  /** when it entered `remediated`, to tell recurring evidence from the evidence that was fixed */
  remediatedAt: Date | null;
}

export interface TriageCommand {
  action: TriageAction;
  acceptedUntil?: Date;
}

export type TriageOutcome = { ok: true; next: TriageSnapshot } | { ok: false; reason: string };

const ALLOWED: Record<TriageAction, readonly TriageState[]> = {
  acknowledge: ['open'],
  accept: ['open', 'acknowledged'],
  remediate: ['open', 'acknowledged'],
  'mark-false-positive': ['open', 'acknowledged'],
  reopen: ['acknowledged', 'accepted', 'remediated', 'false-positive'],
};

const TARGET: Record<TriageAction, TriageState> = {
  acknowledge: 'acknowledged',
  accept: 'accepted',
  remediate: 'remediated',
  'mark-false-positive': 'false-positive',
  reopen: 'open',
};

/** A person's triage decision. Pure: the service persists the outcome and its event. */
export function applyTriage(
  current: TriageSnapshot,
  command: TriageCommand,
  now: Date,
): TriageOutcome {
  const { action } = command;
  if (!ALLOWED[action].includes(current.state)) {
    return { ok: false, reason: `cannot ${action} a finding that is ${current.state}` };
  }
  if (action === 'accept') {
    if (!command.acceptedUntil)
      return { ok: false, reason: 'accept needs acceptedUntil (the risk is accepted until then)' };
    if (command.acceptedUntil.getTime() <= now.getTime()) {
      return { ok: false, reason: 'acceptedUntil must be in the future' };
    }
  } else if (command.acceptedUntil) {
    return { ok: false, reason: `acceptedUntil only applies to accept, not ${action}` };
  }
  return {
    ok: true,
    next: {
      state: TARGET[action],
      acceptedUntil: action === 'accept' ? (command.acceptedUntil ?? null) : null,
      remediatedAt: action === 'remediate' ? now : null,
    },
  };
}

export type AutomaticReopen = 'acceptance-expired' | 'evidence-recurred';

/**
 * What correlation does on its own: an accepted risk whose acceptance ran out re-opens, and a
 * remediated finding whose evidence was seen again after the remediation re-opens.
 */
export function automaticReopen(
  current: TriageSnapshot,
  latestEvidence: Date | null,
  now: Date,
): AutomaticReopen | undefined {
  if (
    current.state === 'accepted' &&
    current.acceptedUntil &&
    current.acceptedUntil.getTime() <= now.getTime()
  ) {
    return 'acceptance-expired';
  }
  if (
    current.state === 'remediated' &&
    current.remediatedAt &&
    latestEvidence &&
    latestEvidence.getTime() > current.remediatedAt.getTime()
  ) {
    return 'evidence-recurred';
  }
  return undefined;
}

/** Evidence fingerprints of a false positive stop counting; the rest still does. */
export function withoutSuppressed(
  fingerprints: readonly string[],
  suppressed: ReadonlySet<string>,
): string[] {
  return fingerprints.filter((f) => !suppressed.has(f));
}
