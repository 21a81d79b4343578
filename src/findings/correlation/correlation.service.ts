import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '../../auth/audit.service';
import { SYSTEM_ACTOR, type Actor } from '../../auth/role';
import { AppConfig } from '../../config/app-config';
import { CONFIDENCE, CORROBORATION_FLOOR } from '../../evidence/confidence';
import { EvidenceService } from '../../evidence/evidence.service';
import type { ProgressCallback } from '../../jobs/job.types';
import { buildDisclosureIndex } from '../disclosure/disclosure';
import type { RiskWeights } from '../risk/risk-weights';
import { riskWeightsFromConfig } from '../risk/risk-weights-config';
import type { CorrelationSources } from './correlation-sources';
import { CORRELATION_SOURCES } from './correlation-sources';
import type { ScoredFinding } from './correlation-scorer';
import { scoreAggregate } from './correlation-scorer';
import type { FindingUpsertRow } from './correlation.repository';
import { CorrelationRepository } from './correlation.repository';
import { digest, planCorrelation } from './correlation-plan';

export interface CorrelationResult {
  /** full: every pair; incremental: the pairs of what changed; unchanged: nothing to do */
  mode: 'full' | 'incremental' | 'unchanged';
  identitiesResolved: number;
  aggregates: number;
  inserted: number;
  updated: number;
  fingerprintsChanged: number;
  absent: number;
  reopened: { expired: number; recurred: number };
  ms: number;
  /** milliseconds per step, for the benchmark and the job log */
  steps: Record<string, number>;
}

/** Evidence + answers + people + policy → findings. Deterministic and safe to re-run. */
@Injectable()
export class CorrelationService {
  private readonly weights: RiskWeights;

  constructor(
    private readonly repo: CorrelationRepository,
    private readonly evidence: EvidenceService,
    @Inject(CORRELATION_SOURCES) private readonly sources: CorrelationSources,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.weights = riskWeightsFromConfig(config.riskWeights);
  }

  /** Audited as the actor's run (the system's when no one asked, e.g. the demo). */
  async correlate(
    now: Date = new Date(),
    progress: ProgressCallback = () => undefined,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<CorrelationResult> {
    const started = Date.now();
    const steps: Record<string, number> = {};
    let mark = started;
    const step = (name: string) => {
      const at = Date.now();
      steps[name] = at - mark;
      mark = at;
    };
    // The mark first: evidence written from here on is the next run's to read.
    const evMark = await this.evidence.changeMark();
    const [tools, policies, survey, repositories, clarified, directory, suppressed, prev] =
      await Promise.all([
        this.sources.tools(),
        this.sources.policies(),
        this.sources.disclosures(),
        this.sources.repositories(),
        this.repo.clarifiedDisclosures(),
        this.sources.directoryRevision(),
        this.repo.suppressed(),
        this.repo.readState(),
      ]);
    const current = {
      evidenceRevision: evMark.revision,
      suppressed,
      inputsHash: digest({ survey, repositories, clarified, directory, w: this.weights, v: 1 }),
      toolHashes: Object.fromEntries(
        [...new Set([...tools.map((t) => t.id), ...policies.keys()])].map((id) => [
          id,
          digest({
            tool: tools.find((t) => t.id === id) ?? null,
            policy: policies.get(id) ?? null,
          }),
        ]),
      ),
    };
    const plan = planCorrelation(
      prev,
      current,
      prev ? await this.evidence.countBefore(prev.evidenceMark) : null,
    );
    step('plan');

    // Distinct identities are few next to evidence rows: resolve each once, then join in SQL.
    const evidence = this.evidence.relation();
    const changed =
      plan.kind === 'incremental' ? this.evidence.changedSince(plan.since) : undefined;
    const unresolved = await this.repo.unresolvedIdentities(evidence, changed);
    const personIds = unresolved.length ? await this.sources.resolveIdentities(unresolved) : [];
    const resolved = unresolved.filter((_, i) => personIds[i]);
    // Unresolved ones are saved too: an address re-asked with more evidence may lose its holder.
    const moved = await this.repo.saveIdentities(
      unresolved.map((u, i) => ({ kind: u.kind, value: u.value, personId: personIds[i] })),
      now,
    );
    step('resolve');
    await progress(15, { identitiesResolved: resolved.length });

    // A "yes" to a clarification request discloses like a survey answer, without being evidence.
    const ctx = {
      tools: new Map(tools.map((t) => [t.id, t])),
      policies,
      disclosures: buildDisclosureIndex(survey.surveyedPersonIds, [
        ...survey.disclosures,
        ...clarified,
      ]),
      weights: this.weights,
    };
    const repoClasses = new Map(repositories.map((r) => [r.repository, r.dataClasses]));
    const saidClasses = new Map<string, string[]>();
    for (const d of [...survey.disclosures, ...clarified]) {
      const key = `${d.personId}\u0000${d.toolId}`;
      saidClasses.set(key, [...(saidClasses.get(key) ?? []), ...d.dataClasses]);
    }
    // Survey-only findings have no time of use; a day-stable stamp keeps re-runs quiet.
    const surveyTime = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
    step('sources');

    const result = await this.repo.inTransaction(async (tx) => {
      let source = evidence;
      let scope: string[] | undefined;
      if (changed && plan.kind === 'incremental') {
        const dirty = await tx.dirtyPairs(evidence, changed, moved);
        scope = plan.dirtyTools;
        step('dirty');
        if (dirty === 0 && scope.length === 0) {
          // nothing changed: only the clock-driven re-openings can
          const reopened = await tx.autoReopen(now);
          await tx.saveState({
            ...current,
            evidenceMark: evMark.at,
            evidenceBeforeMark: evMark.before,
          });
          step('reopen');
          await progress(100, { aggregates: 0, inserted: 0, updated: 0 });
          return {
            mode: 'unchanged' as const,
            identitiesResolved: resolved.length,
            aggregates: 0,
            inserted: 0,
            updated: 0,
            fingerprintsChanged: 0,
            absent: 0,
            reopened,
            ms: Date.now() - started,
            steps,
          };
        }
        source = await tx.scopedEvidence(evidence, scope);
        step('scope');
      }
      const aggregates = await tx.stageAggregates(
        source,
        survey.disclosures,
        surveyTime,
        {
          survey: CONFIDENCE.surveySelfReport.confidence,
          corroborationFloor: CORROBORATION_FLOOR,
        },
        scope,
      );
      step('stage');
      await progress(50, { aggregates });
      const aggregateRows = await tx.readAggregates();
      const stored = await tx.storedHashes();
      step('read');
      const rows = aggregateRows.map((a) => {
        const dataClasses = [
          ...a.repositories.flatMap((r) => repoClasses.get(r) ?? []),
          ...(a.subjectType === 'person'
            ? (saidClasses.get(`${a.subjectId}\u0000${a.toolId}`) ?? [])
            : []),
        ];
        return toRow(scoreAggregate({ ...a, fingerprints: [], dataClasses }, ctx));
      });
      step('score');
      await progress(70, { aggregates, scored: rows.length });
      // Only new or changed findings go back to the database: a re-run sends nothing.
      const changedRows = rows.filter(
        (r) =>
          stored.get(`${r.subject_type}\u0001${r.subject_id}\u0001${r.tool_id}`) !==
          r.correlation_hash,
      );
      const fingerprintsChanged = await tx.fingerprintChanges();
      step('fingerprints');
      const { inserted, updated } = await tx.upsert(changedRows);
      step('upsert');
      await tx.syncFingerprints();
      step('fingerprints-rest');
      const absent = await tx.markAbsent(scope);
      step('absent');
      const reopened = await tx.autoReopen(now);
      await tx.saveState({
        ...current,
        evidenceMark: evMark.at,
        evidenceBeforeMark: evMark.before,
      });
      step('reopen');
      await progress(100, { aggregates, inserted, updated });
      return {
        mode: plan.kind,
        identitiesResolved: resolved.length,
        aggregates,
        inserted,
        updated,
        fingerprintsChanged,
        absent,
        reopened,
        ms: Date.now() - started,
        steps,
      };
    });
    // after the transaction: with one embedded connection, a write beside it would wait forever
    await this.audit.record({
      actor,
      action: 'findings.correlate',
      targetType: 'findings',
      detail: {
        aggregates: result.aggregates,
        inserted: result.inserted,
        updated: result.updated,
        absent: result.absent,
      },
    });
    return result;
  }
}

function toRow(f: ScoredFinding): FindingUpsertRow {
  const surveyOnly = f.signals.length === 1 && f.signals[0] === 'survey';
  const derived = {
    s: f.sanctionStatus,
    h: f.shadow,
    st: f.strength,
    d: f.disclosure,
    score: f.score,
    factors: f.factors,
    signals: f.signals,
    repositories: f.repositories,
    dataClasses: f.dataClasses,
    n: f.evidenceCount,
    b: f.bytes,
    // an answer's stamp moves daily; it must not count as a change
    seen: surveyOnly ? null : [f.firstSeen.toISOString(), f.lastSeen.toISOString()],
  };
  return {
    subject_type: f.subjectType,
    subject_id: f.subjectId,
    tool_id: f.toolId,
    sanction_status: f.sanctionStatus,
    shadow: f.shadow,
    strength: f.strength,
    disclosure: f.disclosure,
    score: f.score,
    tier: f.tier,
    factors: f.factors,
    signals: f.signals,
    repositories: f.repositories,
    data_classes: f.dataClasses,
    evidence_count: f.evidenceCount,
    bytes: f.bytes,
    first_seen: f.firstSeen.toISOString(),
    last_seen: f.lastSeen.toISOString(),
    correlation_hash: createHash('sha1').update(JSON.stringify(derived)).digest('hex'),
  };
}
