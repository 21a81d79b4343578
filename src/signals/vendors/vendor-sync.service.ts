import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { CONFIDENCE } from '../../evidence/confidence';
import { EvidenceService } from '../../evidence/evidence.service';
import type { EvidenceInput } from '../../evidence/evidence.types';
import type { ProgressCallback } from '../../jobs/job.types';
import { PeopleService } from '../../people/people.service';
import { connectorOf } from './connector-registry';
import { VendorHttpClient } from './connector-http';
import type {
  ConnectorContext,
  VendorConnector,
  VendorSeat,
  VendorUsageDay,
} from './connector.types';
import { dayOf } from './connectors/connector-days';
import { openCredential, sealCredential } from './credential-cipher';
import { VendorsRepository } from './vendors.repository';

export interface SyncOptions {
  /** the CLI's --api-url (the operator's own choice); the API never takes one per request */
  apiUrl?: string;
  /** the CLI's credential from the environment; else the stored one */
  credential?: string;
  now?: Date;
}

/** The DESIGN.md contract of `sync CONNECTOR --json`. */
export interface SyncResult {
  connector: string;
  requests: number;
  evidence: Record<string, number>;
  people: { resolved: number; unresolved: number };
  tools: Record<string, { seats: number; activeUsers: number }>;
}

const ACTIVE_WINDOW_DAYS = 30;

/**
 * Runs one connector once: reads the vendor page by page, writes each page's seats and evidence,
 * and only then moves the cursor, so a failure half-way leaves the cursor at what was stored.
 */
@Injectable()
export class VendorSyncService {
  constructor(
    private readonly repo: VendorsRepository,
    private readonly evidence: EvidenceService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async sync(
    id: string,
    opts: SyncOptions,
    actor: Actor,
    progress: ProgressCallback = () => undefined,
    jobId: string | null = null,
  ): Promise<SyncResult> {
    const connector = connectorOf(id);
    const now = opts.now ?? new Date();
    const { ctx, http } = await this.context(connector, opts, now);
    const evidenceCounts: Record<string, number> = {};
    const emails = new Set<string>();
    const seatsByTool = new Map<string, Set<string>>();
    const activeByTool = new Map<string, Set<string>>();
    const since = dayOf(new Date(now.getTime() - (ACTIVE_WINDOW_DAYS - 1) * 86_400_000));
    let pages = 0;
    try {
      for await (const batch of connector.sync(ctx)) {
        const rows: EvidenceInput[] = [];
        if (batch.seats) {
          await this.repo.upsertSeats(connector.id, batch.seats, now, !!batch.seatsComplete);
          for (const s of batch.seats.filter((x) => x.status !== 'removed')) {
            rows.push(seatEvidence(connector.id, s, now, jobId));
            emails.add(s.email);
            add(seatsByTool, s.toolId, s.email);
            if (s.lastActiveDay && s.lastActiveDay >= since) add(activeByTool, s.toolId, s.email);
          }
        }
        for (const u of batch.usage ?? []) {
          rows.push(usageEvidence(connector.id, u, jobId));
          emails.add(u.email);
          if (u.day >= since) add(activeByTool, u.toolId, u.email);
        }
        await this.evidence.record(rows);
        await this.repo.markActive(connector.id, batch.usage ?? []);
        for (const r of rows) evidenceCounts[r.signal] = (evidenceCounts[r.signal] ?? 0) + 1;
        if (batch.cursor) await this.repo.save(connector.id, { cursor: batch.cursor });
        await progress(Math.min(95, ++pages * 10), { pages, evidence: rows.length });
      }
    } catch (err) {
      await this.repo.save(connector.id, {
        lastRunAt: now,
        lastStatus: 'failed',
        lastError: (err as Error).message,
      });
      throw err;
    }
    const resolutions = await this.people.resolveIdentities(
      [...emails].map((value) => ({ kind: 'email' as const, value })),
      `connector:${connector.id}`,
    );
    const resolved = resolutions.filter((r) => r.personId !== null).length;
    await this.repo.save(connector.id, {
      lastRunAt: now,
      lastStatus: 'completed',
      lastError: null,
    });
    const tools: SyncResult['tools'] = {};
    for (const toolId of new Set([...seatsByTool.keys(), ...activeByTool.keys()])) {
      tools[toolId] = {
        seats: seatsByTool.get(toolId)?.size ?? 0,
        activeUsers: activeByTool.get(toolId)?.size ?? 0,
      };
    }
    const result: SyncResult = {
      connector: connector.id,
      requests: http.requests,
      evidence: evidenceCounts,
      people: { resolved, unresolved: resolutions.length - resolved },
      tools,
    };
    await this.audit.record({
      actor,
      action: 'connector.sync',
      targetType: 'connector',
      targetId: connector.id,
      detail: { jobId, requests: result.requests, evidence: evidenceCounts },
    });
    await progress(100, { pages });
    return result;
  }

  /** One cheap call with the stored (or given) credential; the error names a missing permission. */
  async testConnection(id: string, actor: Actor, opts: SyncOptions = {}) {
    const connector = connectorOf(id);
    const { ctx, http } = await this.context(connector, opts, new Date());
    await connector.testConnection(ctx);
    await this.audit.record({
      actor,
      action: 'connector.test',
      targetType: 'connector',
      targetId: connector.id,
    });
    return { connector: connector.id, ok: true, requests: http.requests };
  }

  /** Seals and stores a credential (and the admin API URL) for scheduled runs. */
  async storeCredential(id: string, credential: string, apiUrl: string | null, actor: Actor) {
    const connector = connectorOf(id);
    const [key] = this.config.connectorKeys;
    if (!key) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        'credentials are stored only encrypted: set CONNECTOR_CREDENTIALS_KEY (openssl rand -base64 32) first',
      );
    }
    const sealed = sealCredential(credential, key, connector.id);
    await this.repo.save(connector.id, {
      sealedCredential: sealed.sealed,
      credentialKeyId: sealed.keyId,
      apiUrl,
    });
    await this.audit.record({
      actor,
      action: 'connector.credential.set',
      targetType: 'connector',
      targetId: connector.id,
      detail: { keyId: sealed.keyId, apiUrl },
    });
  }

  /** Re-seals every stored credential with the current key (after a key rotation). */
  async rotateKey(actor: Actor): Promise<{ resealed: number }> {
    const [key] = this.config.connectorKeys;
    if (!key) throw new DomainError(ErrorCode.InvalidInput, 'CONNECTOR_CREDENTIALS_KEY is not set');
    let resealed = 0;
    for (const row of await this.repo.sealed()) {
      const secret = openCredential(
        { keyId: row.keyId, sealed: row.sealed },
        this.config.connectorKeys,
        row.connectorId,
      );
      const next = sealCredential(secret, key, row.connectorId);
      await this.repo.save(row.connectorId, {
        sealedCredential: next.sealed,
        credentialKeyId: next.keyId,
      });
      resealed++;
    }
    await this.audit.record({
      actor,
      action: 'connector.credential.rotate',
      targetType: 'connector',
      detail: { resealed },
    });
    return { resealed };
  }

  private async context(connector: VendorConnector, opts: SyncOptions, now: Date) {
    const stored = await this.repo.connector(connector.id);
    const credential =
      opts.credential ??
      (stored?.sealedCredential && stored.credentialKeyId
        ? openCredential(
            { keyId: stored.credentialKeyId, sealed: stored.sealedCredential },
            this.config.connectorKeys,
            connector.id,
          )
        : process.env[connector.credentialEnv] || undefined);
    if (!credential) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `${connector.id}: no credential: store one (PUT /api/connectors/${connector.id}/credential) or set ${connector.credentialEnv}`,
      );
    }
    const apiUrl = (opts.apiUrl ?? stored?.apiUrl ?? connector.defaultApiUrl).replace(/\/+$/, '');
    const http = new VendorHttpClient({
      baseUrl: apiUrl,
      headers: connector.authorization(credential),
      connector: connector.id,
    });
    const ctx: ConnectorContext = { apiUrl, credential, cursor: stored?.cursor ?? null, now, http };
    return { ctx, http };
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function seatEvidence(
  connector: string,
  s: VendorSeat,
  now: Date,
  jobId: string | null,
): EvidenceInput {
  return {
    toolId: s.toolId,
    signal: 'seat',
    identityKind: 'email',
    identityValue: s.email,
    firstSeen: now,
    lastSeen: now,
    confidence: CONFIDENCE.seat.confidence,
    sourceRunId: jobId ?? undefined,
    detail: { connector, status: s.status, reason: CONFIDENCE.seat.reason },
    fingerprint: `seat:${connector}:${s.toolId}:${s.email}`,
  };
}

function usageEvidence(connector: string, u: VendorUsageDay, jobId: string | null): EvidenceInput {
  const at = new Date(`${u.day}T00:00:00Z`);
  return {
    toolId: u.toolId,
    signal: 'vendor-usage',
    identityKind: 'email',
    identityValue: u.email,
    firstSeen: at,
    lastSeen: at,
    count: u.count,
    confidence: CONFIDENCE.vendorUsage.confidence,
    sourceRunId: jobId ?? undefined,
    detail: { connector, day: u.day, ...u.detail, reason: CONFIDENCE.vendorUsage.reason },
    fingerprint: `vendor-usage:${connector}:${u.toolId}:${u.email}:${u.day}`,
  };
}
