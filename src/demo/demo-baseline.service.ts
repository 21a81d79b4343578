import { Injectable } from '@nestjs/common';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_OPERATOR, type Actor } from '../auth/role';
import { CatalogService } from '../catalog/catalog.service';
import { ToolPolicyService } from '../catalog/tool-policy.service';
import { CorrelationService } from '../findings/correlation/correlation.service';
import { PeopleService } from '../people/people.service';
import type { ProgressCallback } from '../jobs/job.types';
import { EvidenceService } from '../evidence/evidence.service';
import { NetworkIngestService } from '../signals/network/network-ingest.service';
import { LocalScanService } from '../signals/repos/local-scan.service';
import { RepoOwnershipService } from '../signals/repos/repo-ownership.service';
import { SurveyImportService } from '../surveys/survey-import.service';
import { SurveysService } from '../surveys/surveys.service';
import { SurveyWavesService } from '../surveys/waves/survey-waves.service';
import { demoPulseAnswers } from './demo-pulse';
import type { ExportedReportSet } from '../reports/report-export.service';
import { ReportExportService } from '../reports/report-export.service';
import { ReportsService } from '../reports/reports.service';
import { seatEvidence } from './demo-evidence';
import { DEMO_GITHUB_ORG, DEMO_GITHUB_TOKEN, startDemoCopilotAdmin } from './demo-copilot-admin';
import { DEMO_CURSOR_KEY, startDemoCursorAdmin } from './demo-cursor-admin';
import { VendorSyncService } from '../signals/vendors/vendor-sync.service';
import { writeDemoRepositories } from './demo-git.writer';
import { directoryCsv, splitSquidLog, splitZeekLog } from './demo-inputs';
import { generateDemoOrganisation } from './demo-org.generator';
import type { DemoOrganisation, DemoTruth } from './demo-org.types';

export interface DemoRun extends ExportedReportSet {
  truth: DemoTruth;
  timings: Record<string, number>;
}

/**
 * The newcomer's first run: a generated organisation goes through the whole pipeline twice (two
 * weeks ago, then now, after the survey) so the report shows both a baseline and its change.
 */
const DEMO_ACTOR: Actor = { ...LOCAL_OPERATOR, name: 'demo' };

@Injectable()
export class DemoBaselineService {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly correlation: CorrelationService,
    private readonly reports: ReportsService,
    private readonly exporter: ReportExportService,
    private readonly catalog: CatalogService,
    private readonly policies: ToolPolicyService,
    private readonly people: PeopleService,
    private readonly surveyImport: SurveyImportService,
    private readonly network: NetworkIngestService,
    private readonly repoScans: LocalScanService,
    private readonly repoOwnership: RepoOwnershipService,
    private readonly vendors: VendorSyncService,
    private readonly surveys: SurveysService,
    private readonly waves: SurveyWavesService,
  ) {}

  async run(outDir: string, o: { now?: Date; progress?: ProgressCallback } = {}): Promise<DemoRun> {
    const timings: Record<string, number> = {};
    const t = (name: string, since: number) => (timings[name] = Date.now() - since);
    const progress = o.progress ?? (() => undefined);
    const now = o.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    let s = Date.now();
    const matcher = this.catalog.matcher();
    const org = generateDemoOrganisation(matcher, { now });
    // The demo's policy goes through the catalog like an administrator's would.
    for (const p of org.policies) {
      await this.policies.set(
        {
          toolId: p.toolId,
          status: p.status,
          dataClasses: p.allowedDataClasses,
          tenantBound: p.tenantBound,
          note: 'demo policy',
        },
        LOCAL_OPERATOR,
      );
    }
    const inputs = join(outDir, 'demo-input');
    rmSync(inputs, { recursive: true, force: true });
    mkdirSync(join(inputs, 'logs'), { recursive: true });
    const cutoff = new Date(now.getTime() - 14 * 86_400_000);
    // The logs are cut at the midnight before the first baseline: daily roll-ups then never
    // straddle the two ingests, and each half is ingested once like a rotated log file.
    const split = new Date(Math.floor(cutoff.getTime() / 86_400_000) * 86_400_000);
    const squid = splitSquidLog(org.squidLog, split);
    const zeek = splitZeekLog(org.zeekSslLog, split);
    const logs = {
      before: [join(inputs, 'logs', 'squid-access.log.1'), join(inputs, 'logs', 'zeek-ssl.1.log')],
      after: [join(inputs, 'logs', 'squid-access.log'), join(inputs, 'logs', 'zeek-ssl.log')],
    };
    writeFileSync(logs.before[0], squid.before);
    writeFileSync(logs.before[1], zeek.before);
    writeFileSync(logs.after[0], squid.after);
    writeFileSync(logs.after[1], zeek.after);
    const surveyPath = join(inputs, 'survey-google-forms.csv');
    writeFileSync(surveyPath, org.survey.csv);
    const directoryPath = join(inputs, 'directory.csv');
    writeFileSync(directoryPath, directoryCsv(org.people));
    t('generate', s);
    await progress(15); // generated the organisation

    s = Date.now();
    // People, their aliases (proxy user, commit e-mail) and IP leases go through the directory
    // import an administrator would use; correlation then resolves identities through it.
    const imported = await this.people.importDirectoryCsv(
      readFileSync(directoryPath, 'utf8'),
      'directory.csv',
    );
    if (imported.errors.length > 0) throw new Error(imported.errors.join('; '));
    const all = seatEvidence(org, matcher);
    const before = all.filter((e) => e.lastSeen < cutoff);
    for (const path of logs.before) await this.network.ingestFile({ path, actor: LOCAL_OPERATOR });
    // The repositories as they were two weeks ago are scanned by the repository module; they
    // are then rewritten with the later commits (same history, same hashes) and scanned again.
    await this.scanRepositories(org, join(inputs, 'repositories'), cutoff);
    await this.evidence.record(before);
    await this.correlation.correlate(cutoff);
    await this.reports.build('baseline', {
      organisation: org.name,
      now: cutoff,
      actor: DEMO_ACTOR,
    });
    t('first-baseline', s);
    await progress(45); // first baseline (two weeks ago, before the survey)

    s = Date.now();
    // The survey arrives between the two baselines, through the import-survey code path.
    await this.surveyImport.importAsNewSurvey(
      Buffer.from(org.survey.csv),
      { fileName: 'survey-google-forms.csv', title: 'AI tools survey', privacyMode: 'identified' },
      LOCAL_OPERATOR,
    );
    await this.runPulseWaves(org, now);
    for (const path of logs.after) await this.network.ingestFile({ path, actor: LOCAL_OPERATOR });
    await this.scanRepositories(org, join(inputs, 'repositories'), now);
    await this.evidence.record(all);
    // Cursor seats and daily use come through the real connector, from the demo's stand-in
    const cursorAdmin = await startDemoCursorAdmin(org);
    try {
      await this.vendors.sync(
        'cursor',
        { apiUrl: cursorAdmin.url, credential: DEMO_CURSOR_KEY, now },
        LOCAL_OPERATOR,
      );
    } finally {
      await cursorAdmin.stop();
    }
    // Copilot seats and each seat holder's daily use, through the real connector as well
    const copilotAdmin = await startDemoCopilotAdmin(org);
    try {
      await this.vendors.sync(
        'github-copilot',
        { apiUrl: copilotAdmin.url, credential: DEMO_GITHUB_TOKEN, org: DEMO_GITHUB_ORG, now },
        LOCAL_OPERATOR,
      );
    } finally {
      await copilotAdmin.stop();
    }
    await this.correlation.correlate(now);
    t('correlate', s);
    await progress(70); // correlated everything

    s = Date.now();
    const set = await this.exporter.exportSet(outDir, {
      organisation: org.name,
      now,
      actor: DEMO_ACTOR,
    });
    writeFileSync(join(outDir, 'demo-truth.json'), JSON.stringify(org.truth, null, 2));
    set.files.push(join(outDir, 'demo-truth.json'));
    t('reports', s);
    await progress(100); // reports written
    return { ...set, truth: org.truth, timings };
  }

  /**
   * The CoE's quarterly pulse, run twice (a quarter ago and now) by the inventory's respondents,
   * so the baseline shows each question's change between the waves.
   */
  private async runPulseWaves(org: DemoOrganisation, now: Date): Promise<void> {
    const emails = org.survey.answers.map((a) => a.email);
    const people = await this.people.resolveIdentities(
      emails.map((value) => ({ kind: 'email' as const, value })),
      'demo',
    );
    const personOf = new Map(emails.map((e, i) => [e, people[i]?.personId ?? null]));
    const first = await this.surveys.createSurvey(
      { title: 'AI adoption pulse', privacyMode: 'identified', template: 'ai-adoption-pulse' },
      DEMO_ACTOR,
    );
    const second = await this.waves.newWave(first.id, {}, DEMO_ACTOR);
    for (const [survey, wave, daysAgo] of [
      [first, 1, 95],
      [second, 2, 5],
    ] as const) {
      const day = new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      await this.waves.recordAnswers(
        survey.id,
        demoPulseAnswers(emails, wave).flatMap(({ email, answers }) => {
          const personId = personOf.get(email);
          return personId ? [{ personId, answers, submittedOn: day }] : [];
        }),
      );
    }
  }

  /** Writes the demo repositories with their commits up to `at` and scans each one locally. */
  private async scanRepositories(org: DemoOrganisation, root: string, at: Date): Promise<void> {
    const now = org.now.getTime();
    const repos = org.repositories
      .map((r) => ({
        ...r,
        commits: r.commits.filter((c) => now - c.daysAgo * 86_400_000 <= at.getTime()),
      }))
      .filter((r) => r.commits.length > 0);
    rmSync(root, { recursive: true, force: true });
    const dirs = writeDemoRepositories(root, repos, org.now);
    for (const [i, dir] of dirs.entries()) {
      const { repository } = await this.repoScans.scan({ path: dir, full: true }, LOCAL_OPERATOR);
      // The owning team and data classes go in as the CoE would set them (API or CLI).
      await this.repoOwnership.set(
        repository,
        { team: repos[i].team, dataClasses: repos[i].dataClasses },
        LOCAL_OPERATOR,
      );
    }
  }
}
