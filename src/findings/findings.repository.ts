import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { FindingEventEntity } from './entities/finding-event.entity';
import { FindingIdentityEntity } from './entities/finding-identity.entity';
import { FindingEntity } from './entities/finding.entity';
import type {
  FindingEvidenceRefs,
  FindingRecord,
  RiskTier,
  SubjectType,
  TriageState,
} from './findings.types';
import { returnedRows } from './returned-rows';
import { TableRevisions } from '../database/table-revisions.service';
import type { Strength } from '../evidence/confidence';

export interface FindingFilter {
  toolId?: string;
  tier?: RiskTier;
  triageState?: TriageState;
  subjectType?: SubjectType;
  shadow?: boolean;
  strength?: Strength;
  /** findings with evidence of this signal (the source: config-file, network, survey…) */
  signal?: string;
  /** only these subjects (a team's people and repositories) */
  subjectIds?: string[];
  includeAbsent?: boolean;
  limit: number;
  offset: number;
}

export interface TriageWrite {
  id: string;
  expectedState: TriageState;
  state: TriageState;
  acceptedUntil: Date | null;
  remediatedAt: Date | null;
  assignee?: string | null;
  event: { actor: string; at: Date; action: string; comment: string | null };
  suppress: boolean;
  unsuppress: boolean;
}

/** Filters whose totals the list keeps (the oldest goes first). */
const KEPT_TOTALS = 500;

@Injectable()
export class FindingsRepository {
  constructor(
    @InjectRepository(FindingEntity) private readonly findings: Repository<FindingEntity>,
    @InjectRepository(FindingEventEntity) private readonly events: Repository<FindingEventEntity>,
    private readonly dataSource: DataSource,
    private readonly revisions: TableRevisions,
  ) {}

  /** Totals of the list per filter, with the table's change counter they were counted at. */
  private readonly totals = new Map<string, { revision: string; total: number }>();

  findById(id: string): Promise<FindingEntity | null> {
    return this.findings.findOne({ where: { id } });
  }

  /**
   * A page in score order and the total matching the filter. The total is kept per filter until
   * a statement changes the table (its change counter moves), so that paging a large table does
   * not count every matching finding on each request.
   */
  async list(f: FindingFilter): Promise<[FindingEntity[], number]> {
    const qb = this.findings.createQueryBuilder('f');
    if (!f.includeAbsent) qb.andWhere('f.present = true');
    if (f.toolId) qb.andWhere('f.tool_id = :toolId', { toolId: f.toolId });
    if (f.tier) qb.andWhere('f.tier = :tier', { tier: f.tier });
    if (f.triageState) qb.andWhere('f.triage_state = :state', { state: f.triageState });
    if (f.subjectType) qb.andWhere('f.subject_type = :st', { st: f.subjectType });
    if (f.shadow !== undefined) qb.andWhere('f.shadow = :shadow', { shadow: f.shadow });
    if (f.strength) qb.andWhere('f.strength = :strength', { strength: f.strength });
    if (f.signal) qb.andWhere(':signal = ANY (f.signals)', { signal: f.signal });
    if (f.subjectIds)
      qb.andWhere(f.subjectIds.length > 0 ? 'f.subject_id IN (:...subjectIds)' : '1 = 0', {
        subjectIds: f.subjectIds,
      });
    const { limit: _limit, offset: _offset, ...filter } = f;
    const key = JSON.stringify(filter);
    return Promise.all([
      qb
        .clone()
        .orderBy('f.score', 'DESC')
        .addOrderBy('f.id', 'ASC')
        .take(f.limit)
        .skip(f.offset)
        .getMany(),
      this.revisions.revision('finding').then(async (revision) => {
        const kept = this.totals.get(key);
        if (kept?.revision === revision) return kept.total;
        // a plain count: getManyAndCount's COUNT(DISTINCT id) sorted every id to count them
        const row = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
        const total = row?.n ?? 0;
        if (this.totals.size >= KEPT_TOTALS) this.totals.delete(this.totals.keys().next().value!);
        this.totals.set(key, { revision, total });
        return total;
      }),
    ]);
  }

  /**
   * Every present finding, for the reports: one plain query (no entity hydration, which costs
   * seconds at tens of thousands of rows).
   */
  allPresent(): Promise<FindingRecord[]> {
    return this.dataSource.query(
      `SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", tool_id AS "toolId",
              sanction_status AS "sanctionStatus", shadow, strength, disclosure, score, tier, factors,
              triage_state AS "triageState", signals, repositories, evidence_count AS "evidenceCount",
              bytes::float8 AS bytes, first_seen AS "firstSeen", last_seen AS "lastSeen"
         FROM finding WHERE present ORDER BY id`,
    );
  }

  eventsOf(findingId: string): Promise<FindingEventEntity[]> {
    return this.events.find({ where: { findingId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Every finding whose subject is the person, present or not. */
  personFindings(personId: string): Promise<FindingEntity[]> {
    return this.findings.find({
      where: { subjectType: 'person', subjectId: personId },
      order: { firstSeen: 'ASC', id: 'ASC' },
    });
  }

  eventsOfFindings(findingIds: string[]): Promise<FindingEventEntity[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.events.find({
      where: { findingId: In(findingIds) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  identitiesResolvedTo(personId: string): Promise<FindingIdentityEntity[]> {
    return this.dataSource
      .getRepository(FindingIdentityEntity)
      .find({ where: { personId }, order: { kind: 'ASC', value: 'ASC' } });
  }

  evidenceRefs(findingIds: string[]): Promise<FindingEvidenceRefs[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT id AS "findingId", evidence_fingerprints AS fingerprints
         FROM finding WHERE id = ANY ($1::uuid[]) ORDER BY id`,
      [findingIds],
    );
  }

  /**
   * One triage change: the state (guarded against a concurrent change), its event, and the
   * suppression of the finding's evidence when it is a false positive.
   */
  async applyTriage(w: TriageWrite): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const updated = returnedRows(
        await m.query(
          `UPDATE finding SET triage_state = $2, accepted_until = $3, remediated_at = $4,
                assignee = CASE WHEN $5::boolean THEN $6 ELSE assignee END, updated_at = now()
          WHERE id = $1 AND triage_state = $7 RETURNING id`,
          [
            w.id,
            w.state,
            w.acceptedUntil?.toISOString() ?? null,
            w.remediatedAt?.toISOString() ?? null,
            w.assignee !== undefined,
            w.assignee ?? null,
            w.expectedState,
          ],
        ),
      );
      if (updated.length === 0) return false;
      await m.query(
        `INSERT INTO finding_event (finding_id, actor, at, action, from_state, to_state, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          w.id,
          w.event.actor,
          w.event.at.toISOString(),
          w.event.action,
          w.expectedState,
          w.state,
          w.event.comment,
        ],
      );
      if (w.suppress) {
        await m.query(
          `INSERT INTO suppressed_fingerprint (fingerprint, finding_id, actor, created_at)
           SELECT unnest(evidence_fingerprints), id, $2, $3 FROM finding WHERE id = $1
           ON CONFLICT (fingerprint) DO NOTHING`,
          [w.id, w.event.actor, w.event.at.toISOString()],
        );
      }
      if (w.unsuppress)
        await m.query(`DELETE FROM suppressed_fingerprint WHERE finding_id = $1`, [w.id]);
      return true;
    });
  }

  async assign(
    id: string,
    assignee: string | null,
    event: { actor: string; at: Date; comment: string | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE finding SET assignee = $2, updated_at = now() WHERE id = $1`, [
        id,
        assignee,
      ]);
      await m.query(
        `INSERT INTO finding_event (finding_id, actor, at, action, from_state, to_state, comment, detail)
         SELECT id, $2, $3, 'assign', triage_state, triage_state, $4, jsonb_build_object('assignee', $5::text) FROM finding WHERE id = $1`,
        [id, event.actor, event.at.toISOString(), event.comment, assignee],
      );
    });
  }

  async comment(id: string, event: { actor: string; at: Date; comment: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO finding_event (finding_id, actor, at, action, from_state, to_state, comment)
       SELECT id, $2, $3, 'comment', triage_state, triage_state, $4 FROM finding WHERE id = $1`,
      [id, event.actor, event.at.toISOString(), event.comment],
    );
  }

  /**
   * A person's own answer about the finding, as an event. A "yes" makes the finding disclosed now
   * (correlation keeps it so, see CorrelationRepository.clarifiedDisclosures) and adds the data
   * classes they named.
   */
  async recordClarification(
    id: string,
    c: { actor: string; at: Date; uses: boolean; dataClasses: string[]; comment: string | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO finding_event (finding_id, actor, at, action, from_state, to_state, comment, detail)
         SELECT id, $2, $3, 'clarify', triage_state, triage_state, $4,
                jsonb_build_object('uses', $5::boolean, 'dataClasses', $6::text[])
           FROM finding WHERE id = $1`,
        [id, c.actor, c.at.toISOString(), c.comment, c.uses, c.dataClasses],
      );
      if (c.uses)
        await m.query(
          `UPDATE finding SET disclosure = 'disclosed',
                  data_classes = ARRAY(SELECT DISTINCT unnest(data_classes || $2::text[]) ORDER BY 1),
                  updated_at = now()
            WHERE id = $1 AND subject_type = 'person'`,
          [id, c.dataClasses],
        );
    });
  }

  suppressedCount(): Promise<{ n: number }[]> {
    return this.dataSource.query(`SELECT count(*)::int AS n FROM suppressed_fingerprint`);
  }
}
