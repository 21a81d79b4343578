import { Injectable } from '@nestjs/common';
import { EvidenceService } from '../../evidence/evidence.service';
import type { EvidenceInput } from '../../evidence/evidence.types';
import type { ResolvableKind } from '../../people/identity/identity-kinds';
import { PeopleService } from '../../people/people.service';
import type { ConnectorBatch } from './connector.types';
import { dayOf } from './connectors/connector-days';
import { type MalformedLines, mergeMalformed, noMalformed } from './connectors/ndjson';
import { CopilotMetricsRepository } from './copilot-metrics.repository';
import {
  grantEvidence,
  mergeGrants,
  seatEvidence,
  signinEvidence,
  usageEvidence,
} from './vendor-evidence';
import { VendorsRepository } from './vendors.repository';

/** The DESIGN.md contract of `sync CONNECTOR --json`. */
export interface SyncResult {
  connector: string;
  requests: number;
  evidence: Record<string, number>;
  people: { resolved: number; unresolved: number };
  tools: Record<string, { seats: number; activeUsers: number }>;
  /** organisation-level days stored (GitHub Copilot's organization report), when any were read */
  orgMetricsDays?: number;
  /** lines of the vendor's files that were not readable, counted and sampled; absent when none */
  malformed?: MalformedLines;
}

const ACTIVE_WINDOW_DAYS = 30;

/** What one run (an API sync or a file import) has written so far. */
export class SyncTally {
  /** evidence rows per signal, each counted once however many pages rewrote it */
  readonly evidence: Record<string, number> = {};
  private readonly written = new Set<string>();
  /** evidence rows that were new or changed: zero when the same data is read again */
  changed = 0;
  /** `kind\u0000value` of every identity read, resolved once at the end */
  readonly identities = new Set<string>();
  readonly seatsByTool = new Map<string, Set<string>>();
  readonly activeByTool = new Map<string, Set<string>>();
  /** `org\u0000day` of every organisation-level metrics day stored */
  readonly orgDays = new Set<string>();
  readonly malformed = noMalformed();
  readonly since: string;

  constructor(
    readonly connectorId: string,
    readonly now: Date,
    readonly jobId: string | null,
  ) {
    this.since = dayOf(new Date(now.getTime() - (ACTIVE_WINDOW_DAYS - 1) * 86_400_000));
  }

  /** The evidence rows of one batch, counted into the tallies. */
  rowsOf(batch: ConnectorBatch): EvidenceInput[] {
    const { connectorId: c, jobId } = this;
    const rows: EvidenceInput[] = [];
    for (const s of (batch.seats ?? []).filter((x) => x.status !== 'removed')) {
      rows.push(seatEvidence(c, s, this.now, jobId));
      this.identities.add(`${s.identityKind ?? 'email'}\u0000${s.email}`);
      add(this.seatsByTool, s.toolId, s.email);
      if (s.lastActiveDay && s.lastActiveDay >= this.since)
        add(this.activeByTool, s.toolId, s.email);
    }
    for (const u of batch.usage ?? []) {
      rows.push(usageEvidence(c, u, jobId));
      this.identities.add(`${u.identityKind ?? 'email'}\u0000${u.email}`);
      if (u.day >= this.since) add(this.activeByTool, u.toolId, u.email);
    }
    for (const g of mergeGrants(batch.grants ?? [])) {
      rows.push(grantEvidence(c, g, jobId));
      this.identities.add(`email\u0000${g.email}`);
    }
    for (const si of batch.signins ?? []) {
      rows.push(signinEvidence(c, si, jobId));
      this.identities.add(`email\u0000${si.email}`);
      // a token refreshed by a client app holds access but shows no use by the person
      if (si.day >= this.since && si.interactive !== false)
        add(this.activeByTool, si.toolId, si.email);
    }
    for (const r of rows) {
      if (this.written.has(r.fingerprint)) continue;
      this.written.add(r.fingerprint);
      this.evidence[r.signal] = (this.evidence[r.signal] ?? 0) + 1;
    }
    return rows;
  }
}

/**
 * Writes a connector's batches the one way, whether they came from the vendor's API or from an
 * export file: seats, then evidence, then the days of recorded use, then (by the caller) the cursor.
 */
@Injectable()
export class VendorBatchWriter {
  constructor(
    private readonly repo: VendorsRepository,
    private readonly copilotMetrics: CopilotMetricsRepository,
    private readonly evidence: EvidenceService,
    private readonly people: PeopleService,
  ) {}

  async write(batch: ConnectorBatch, tally: SyncTally): Promise<number> {
    if (batch.seats)
      await this.repo.upsertSeats(tally.connectorId, batch.seats, tally.now, !!batch.seatsComplete);
    if (batch.copilotOrgDays?.length) {
      await this.copilotMetrics.upsert(batch.copilotOrgDays, tally.now);
      for (const d of batch.copilotOrgDays) tally.orgDays.add(`${d.org}\u0000${d.day}`);
    }
    if (batch.malformed) mergeMalformed(tally.malformed, batch.malformed);
    const rows = tally.rowsOf(batch);
    const { inserted, updated } = await this.evidence.record(rows);
    tally.changed += inserted + updated;
    await this.repo.markActive(tally.connectorId, batch.usage ?? []);
    return rows.length;
  }

  /** Resolves every identity read to a person and sums the run up as the contract says. */
  async finish(tally: SyncTally, requests: number): Promise<SyncResult> {
    const resolutions = await this.people.resolveIdentities(
      [...tally.identities].map((key) => {
        const [kind, value] = key.split('\u0000') as [ResolvableKind, string];
        return { kind, value };
      }),
      `connector:${tally.connectorId}`,
    );
    const resolved = resolutions.filter((r) => r.personId !== null).length;
    const tools: SyncResult['tools'] = {};
    for (const toolId of new Set([...tally.seatsByTool.keys(), ...tally.activeByTool.keys()])) {
      tools[toolId] = {
        seats: tally.seatsByTool.get(toolId)?.size ?? 0,
        activeUsers: tally.activeByTool.get(toolId)?.size ?? 0,
      };
    }
    return {
      connector: tally.connectorId,
      requests,
      evidence: tally.evidence,
      people: { resolved, unresolved: resolutions.length - resolved },
      tools,
      ...(tally.orgDays.size > 0 ? { orgMetricsDays: tally.orgDays.size } : {}),
      ...(tally.malformed.count > 0 ? { malformed: tally.malformed } : {}),
    };
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
