import type { TriageSnapshot } from './triage-state-machine';
import { applyTriage, automaticReopen, withoutSuppressed } from './triage-state-machine';

const now = new Date('2026-03-01T12:00:00Z');
const later = new Date('2026-04-01T00:00:00Z');
const open: TriageSnapshot = { state: 'open', acceptedUntil: null, remediatedAt: null };

function ok(outcome: ReturnType<typeof applyTriage>): TriageSnapshot {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.next;
}

describe(applyTriage.name, () => {
  it('should walk open → acknowledged → accepted with an expiry', () => {
    const acked = ok(applyTriage(open, { action: 'acknowledge' }, now));
    expect(acked.state).toBe('acknowledged');
    const sut = ok(applyTriage(acked, { action: 'accept', acceptedUntil: later }, now));
    expect(sut).toEqual({ state: 'accepted', acceptedUntil: later, remediatedAt: null });
  });

  it('should refuse accept without an expiry or with one in the past', () => {
    expect(applyTriage(open, { action: 'accept' }, now)).toEqual({
      ok: false,
      reason: expect.stringContaining('acceptedUntil'),
    });
    expect(applyTriage(open, { action: 'accept', acceptedUntil: now }, now).ok).toBe(false);
  });

  it('should record when a finding was remediated', () => {
    expect(ok(applyTriage(open, { action: 'remediate' }, now))).toEqual({
      state: 'remediated',
      acceptedUntil: null,
      remediatedAt: now,
    });
  });

  it('should refuse a transition out of a closed state other than reopen', () => {
    const fp = ok(applyTriage(open, { action: 'mark-false-positive' }, now));
    expect(applyTriage(fp, { action: 'acknowledge' }, now)).toEqual({
      ok: false,
      reason: 'cannot acknowledge a finding that is false-positive',
    });
    expect(ok(applyTriage(fp, { action: 'reopen' }, now)).state).toBe('open');
  });

  it('should refuse reopening an open finding', () => {
    expect(applyTriage(open, { action: 'reopen' }, now).ok).toBe(false);
  });

  it('should refuse acceptedUntil on actions other than accept', () => {
    expect(applyTriage(open, { action: 'remediate', acceptedUntil: later }, now).ok).toBe(false);
  });
});

describe(automaticReopen.name, () => {
  it('should reopen an accepted finding after its acceptance expired', () => {
    const accepted: TriageSnapshot = { state: 'accepted', acceptedUntil: now, remediatedAt: null };
    expect(automaticReopen(accepted, null, later)).toBe('acceptance-expired');
    expect(automaticReopen(accepted, null, new Date(now.getTime() - 1))).toBeUndefined();
  });

  it('should reopen a remediated finding when its evidence is seen after the remediation', () => {
    const remediated: TriageSnapshot = {
      state: 'remediated',
      acceptedUntil: null,
      remediatedAt: now,
    };
    expect(automaticReopen(remediated, later, later)).toBe('evidence-recurred');
    expect(automaticReopen(remediated, now, later)).toBeUndefined();
  });

  it('should leave open and false-positive findings alone', () => {
    expect(automaticReopen(open, later, later)).toBeUndefined();
    expect(
      automaticReopen(
        { state: 'false-positive', acceptedUntil: null, remediatedAt: null },
        later,
        later,
      ),
    ).toBeUndefined();
  });
});

describe(withoutSuppressed.name, () => {
  it('should drop suppressed fingerprints and keep the rest in order', () => {
    expect(withoutSuppressed(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
  });
});
