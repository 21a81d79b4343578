import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { ProgressCallback } from '../../jobs/job.types';
import { connectorOf, credentialFromEnv } from './connector-registry';
import { VendorHttpClient } from './connector-http';
import type { ConnectorContext, VendorConnector } from './connector.types';
import { openCredential, sealCredential } from './credential-cipher';
import { SyncTally, type SyncResult, VendorBatchWriter } from './vendor-batch-writer';
import { VendorsRepository } from './vendors.repository';

export type { SyncResult } from './vendor-batch-writer';

export interface SyncOptions {
  /** the CLI's --api-url (the operator's own choice); the API never takes one per request */
  apiUrl?: string;
  /** the CLI's credential from the environment; else the stored one */
  credential?: string;
  /** the GitHub organisation (github-copilot); default GITHUB_ORG */
  org?: string;
  now?: Date;
}

/**
 * Runs one connector once: reads the vendor page by page, writes each page's seats and evidence,
 * and only then moves the cursor, so a failure half-way leaves the cursor at what was stored.
 */
@Injectable()
export class VendorSyncService {
  constructor(
    private readonly repo: VendorsRepository,
    private readonly writer: VendorBatchWriter,
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
    const tally = new SyncTally(connector.id, now, jobId);
    let pages = 0;
    try {
      for await (const batch of connector.sync(ctx)) {
        const written = await this.writer.write(batch, tally);
        if (batch.cursor) await this.repo.save(connector.id, { cursor: batch.cursor });
        await progress(Math.min(95, ++pages * 10), { pages, evidence: written });
      }
    } catch (err) {
      await this.repo.save(connector.id, {
        lastRunAt: now,
        lastStatus: 'failed',
        lastError: (err as Error).message,
      });
      throw err;
    }
    await this.repo.save(connector.id, {
      lastRunAt: now,
      lastStatus: 'completed',
      lastError: null,
    });
    const result = await this.writer.finish(tally, http.requests);
    await this.audit.record({
      actor,
      action: 'connector.sync',
      targetType: 'connector',
      targetId: connector.id,
      detail: { jobId, requests: result.requests, evidence: result.evidence },
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
        : credentialFromEnv(connector));
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
    const ctx: ConnectorContext = {
      apiUrl,
      credential,
      cursor: stored?.cursor ?? null,
      now,
      http,
      org: opts.org || this.config.connectorScope(connector.id),
    };
    return { ctx, http };
  }
}
