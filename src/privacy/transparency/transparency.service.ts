import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { EvidenceService } from '../../evidence/evidence.service';
import { VendorConnectorsService } from '../../signals/vendors/vendor-connectors.service';
import { SurveysService } from '../../surveys/surveys.service';
import { renderDocumentHtml } from '../privacy-document';
import { PrivacyNoticeRepository } from '../privacy-notice.repository';
import { buildProcessingFacts, type ProcessingFacts } from '../processing-facts';
import { buildTransparencyNotice } from './transparency-notice';

/** A public page is read by anyone: what it counts is read at most this often. */
const FACTS_TTL_MS = 30_000;

const FOOTER = [
  'Machine-readable: <a href="/privacy.json">/privacy.json</a>. Earlier versions: <a href="/privacy/history">/privacy/history</a>.',
];

export interface TransparencyPage {
  hash: string;
  html: string;
  facts: ProcessingFacts;
}

/** The public transparency page: built from the live configuration, each version kept. */
@Injectable()
export class TransparencyService {
  private cached?: { at: number; page: TransparencyPage };
  private lastRecorded?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly evidence: EvidenceService,
    private readonly surveys: SurveysService,
    private readonly connectors: VendorConnectorsService,
    private readonly versions: PrivacyNoticeRepository,
  ) {}

  /** What the service processes now (the record of processing reads it fresh). */
  async facts(): Promise<ProcessingFacts> {
    const [surveys, signals, connectors] = await Promise.all([
      this.surveys.listSurveys(),
      this.evidence.countBySignal(),
      this.connectors.list(),
    ]);
    return buildProcessingFacts({
      githubTokenSet: !!this.config.githubToken,
      localScanRoots: this.config.localScanRoots.length,
      networkWatchDir: !!this.config.networkWatchDir,
      smtpConfigured: !!this.config.smtpUrl,
      pseudonymKeyConfigured: !!this.config.surveyPseudonymKey,
      pseudonymisedTriage: this.config.pseudonymisedTriage,
      privacyK: this.config.privacyK,
      privacyContact: this.config.privacyContact,
      retentionDays: this.config.retentionDays,
      surveys: surveys.map((s) => ({
        title: s.title,
        privacyMode: s.privacyMode,
        k: s.k,
        status: s.status,
      })),
      signalsHeld: Object.fromEntries(signals.map((s) => [s.signal, s.rows])),
      vendorConnectors: connectors.connectors
        .filter((c) => c.credentialStored || c.credentialFromEnvironment || c.everyMinutes !== null)
        .map((c) => c.name),
    });
  }

  /** The current page; a rendering not seen before becomes a new version of the history. */
  async current(now = new Date()): Promise<TransparencyPage> {
    if (this.cached && now.getTime() - this.cached.at < FACTS_TTL_MS) return this.cached.page;
    const facts = await this.facts();
    const html = renderDocumentHtml(buildTransparencyNotice(facts), { footerHtml: FOOTER });
    const page = { hash: createHash('sha256').update(html).digest('hex'), html, facts };
    if (page.hash !== this.lastRecorded) {
      await this.versions.record(page.hash, html, facts, now);
      this.lastRecorded = page.hash;
    }
    this.cached = { at: now.getTime(), page };
    return page;
  }

  async history() {
    const current = await this.current();
    const versions = await this.versions.list();
    return {
      current: current.hash,
      versions: versions.map((v) => ({ ...v, url: `/privacy/history/${v.hash}` })),
    };
  }

  async version(hash: string): Promise<string> {
    const found = /^[0-9a-f]{64}$/.test(hash) ? await this.versions.findByHash(hash) : null;
    if (!found) throw new DomainError(ErrorCode.NotFound, `no version ${hash} of the privacy page`);
    return found.html;
  }
}
