import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { PersonDataSection } from '../common/person-data';
import { SIGNALS } from '../catalog/catalog.types';
import { ERASED_MARK, identifierPattern } from '../common/identifier-redaction';
import { isResolvableKind } from '../people/identity/identity-kinds';
import { PeopleService } from '../people/people.service';
import type { ErasedIdentities } from '../people/identity/erased-identities';
import { EvidenceChangesRepository } from './evidence-changes.repository';
import { EvidenceErasureRepository } from './evidence-erasure.repository';
import { EvidenceFilter, EvidenceRepository } from './evidence.repository';
import type {
  EvidenceChangeMark,
  EvidenceInput,
  EvidenceRefGroup,
  EvidenceRelation,
  EvidenceSummaryRow,
} from './evidence.types';
import type { PurgeCount } from '../database/month-partitions';

const BATCH = 5_000;

/** The one evidence table every signal writes to and the findings module reads. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly repo: EvidenceRepository,
    private readonly people: PeopleService,
    private readonly erasure: EvidenceErasureRepository,
    private readonly changes: EvidenceChangesRepository,
  ) {}

  // ── Subject access (privacy): evidence whose identity resolves to the person ──

  /**
   * Every evidence row tied to the person: recorded under their person id, or under an identity
   * the people module's rules give to them (an IP address by the lease covering its span).
   */
  async personData(personId: string): Promise<PersonDataSection[]> {
    const observed = (await this.repo.distinctIdentities()).flatMap((i) =>
      isResolvableKind(i.kind)
        ? [{ kind: i.kind, value: i.value, at: { from: i.from, to: i.to } }]
        : [],
    );
    const theirs = await this.people.identitiesOfPerson(personId, observed);
    const rows = await this.repo.forPerson(
      personId,
      theirs.map((i) => ({ kind: i.kind, value: i.value })),
    );
    return [
      {
        kind: 'evidence',
        rows: rows.map((r) => ({
          tool: r.toolId,
          signal: r.signal,
          repository: r.repository,
          identityKind: r.identityKind,
          identityValue: r.identityValue,
          confidence: r.confidence,
          firstSeen: r.firstSeen.toISOString(),
          lastSeen: r.lastSeen.toISOString(),
          count: Number(r.count),
          bytes: Number(r.bytes),
          detail: r.detail,
          fingerprint: r.fingerprint,
        })),
      },
    ];
  }

  // ── end of subject access ──

  /** How many evidence rows each signal holds (what the transparency page calls a source in use). */
  countBySignal(): Promise<{ signal: string; rows: number }[]> {
    return this.repo.countBySignal();
  }

  async record(rows: EvidenceInput[]): Promise<{ inserted: number; updated: number }> {
    const erased = rows.some((r) => r.identityValue)
      ? await this.people.erasedIdentities()
      : undefined;
    // The same fingerprint twice in one statement would make ON CONFLICT fail: keep the widest.
    const unique = new Map<string, EvidenceInput>();
    for (const given of rows) {
      validate(given);
      const row = erased && !erased.empty ? withoutErased(given, erased) : given;
      if (!row) continue;
      const prev = unique.get(row.fingerprint);
      unique.set(row.fingerprint, prev ? merge(prev, row) : row);
    }
    const all = [...unique.values()];
    let inserted = 0;
    let updated = 0;
    for (let i = 0; i < all.length; i += BATCH) {
      const r = await this.repo.upsert(all.slice(i, i + BATCH));
      inserted += r.inserted;
      updated += r.updated;
    }
    return { inserted, updated };
  }

  list(filter: Partial<EvidenceFilter>) {
    return this.repo.find({ limit: 100, offset: 0, ...filter });
  }

  /** For set-based SQL in other modules (correlation reads a million rows in one statement). */
  relation() {
    return this.repo.relation();
  }

  /** Where a reader stands now, to ask later what changed since (see EvidenceChangeMark). */
  changeMark(): Promise<EvidenceChangeMark> {
    return this.changes.mark();
  }

  countBefore(at: string): Promise<string> {
    return this.changes.countBefore(at);
  }

  /** Evidence inserted or updated since a mark's time, as a relation like relation(). */
  changedSince(at: string): EvidenceRelation {
    return this.changes.changedSince(at);
  }

  /** The most recent evidence behind each group of references (a finding's fingerprints). */
  async latestOf(groups: EvidenceRefGroup[], perGroup: number): Promise<EvidenceSummaryRow[]> {
    const keys: string[] = [];
    const fingerprints: string[] = [];
    for (const g of groups) {
      for (const fp of new Set(g.fingerprints)) {
        keys.push(g.key);
        fingerprints.push(fp);
      }
    }
    if (keys.length === 0 || perGroup <= 0) return [];
    return this.repo.latestPerGroup(keys, fingerprints, perGroup);
  }

  /** Who used which tool on which day by the vendors' own records, from `since` on (reports). */
  vendorUsageDays(since: Date) {
    return this.repo.usageDays(since);
  }

  countByTool() {
    return this.repo.countByTool();
  }

  // --- erasure (privacy) ---

  /** Removes the person's evidence; evidence of a repository keeps counting without them. */
  async erasePerson(personId: string): Promise<Record<string, number>> {
    const ids = await this.people.identifiersOf(personId);
    if (!ids) return {};
    return this.erasure.erase(ids.identities, personId, identifierPattern(ids.strings));
  }

  /** Retention: partitions for the months given (YYYY-MM-01), made ahead. */
  ensurePartitions(months: string[]): Promise<string[]> {
    return this.repo.ensurePartitions(months);
  }

  /** Retention (RETENTION_EVIDENCE_DAYS): traces last seen before the cut-off go. */
  purgeSeenBefore(cutoff: Date, dryRun: boolean): Promise<PurgeCount> {
    return this.repo.purgeSeenBefore(cutoff, dryRun);
  }
}

/**
 * Evidence naming an erased identity: a person-level row is dropped; a repository's row keeps
 * counting for the repository, without the identity and without detail values that are one.
 */
function withoutErased(row: EvidenceInput, erased: ErasedIdentities): EvidenceInput | null {
  const named = row.identityKind && row.identityValue;
  const isErased = (v: unknown) =>
    typeof v === 'string' &&
    (erased.has('email', v) || erased.has('commit-email', v) || erased.has('github', v));
  const hit = named && erased.has(row.identityKind as string, row.identityValue as string);
  const detailHit = Object.values(row.detail).some(isErased);
  if (!hit && !detailHit) return row;
  if (hit && !row.repository) return null;
  const detail = Object.fromEntries(
    Object.entries(row.detail).map(([k, v]) => [k, isErased(v) ? ERASED_MARK : v]),
  );
  return hit
    ? { ...row, identityKind: undefined, identityValue: undefined, detail }
    : { ...row, detail };
}

function validate(row: EvidenceInput): void {
  if (!row.fingerprint)
    throw new DomainError(ErrorCode.InvalidInput, `evidence for ${row.toolId} has no fingerprint`);
  if (!(SIGNALS as readonly string[]).includes(row.signal)) {
    throw new DomainError(
      ErrorCode.InvalidInput,
      `evidence signal "${row.signal}" is not one of ${SIGNALS.join(', ')}`,
    );
  }
  if (row.confidence !== undefined && (row.confidence < 0 || row.confidence > 1)) {
    throw new DomainError(
      ErrorCode.InvalidInput,
      `evidence confidence ${row.confidence} is outside 0..1`,
    );
  }
}

function merge(a: EvidenceInput, b: EvidenceInput): EvidenceInput {
  return {
    ...b,
    firstSeen: a.firstSeen < b.firstSeen ? a.firstSeen : b.firstSeen,
    lastSeen: a.lastSeen > b.lastSeen ? a.lastSeen : b.lastSeen,
  };
}
