import { Inject, Injectable } from '@nestjs/common';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_OPERATOR, type Actor } from '../auth/role';
import { CatalogService } from '../catalog/catalog.service';
import type { ToolDefinition, ToolMatcher } from '../catalog/catalog.types';
import { ToolPolicyService } from '../catalog/tool-policy.service';
import {
  CORRELATION_SOURCES,
  InMemoryCorrelationSources,
} from '../findings/correlation/correlation-sources';
import type { CorrelationSources } from '../findings/correlation/correlation-sources';
import { CorrelationService } from '../findings/correlation/correlation.service';
import { PeopleService } from '../people/people.service';
import { EvidenceService } from '../evidence/evidence.service';
import { NetworkIngestService } from '../signals/network/network-ingest.service';
import { LocalScanService } from '../signals/repos/local-scan.service';
import { SurveyImportService } from '../surveys/survey-import.service';
import type { ExportedReportSet } from '../reports/report-export.service';
import { ReportExportService } from '../reports/report-export.service';
import { ReportsService } from '../reports/reports.service';
import { DEMO_CATALOG, demoCatalogMatcher } from './demo-catalog';
import { DEMO_TOOLS } from './demo-profile';
import { seatEvidence } from './demo-evidence';
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
    @Inject(CORRELATION_SOURCES) private readonly sources: CorrelationSources,
  ) {}

  async run(
    outDir: string,
    o: { now?: Date; progress?: (pct: number, step: string) => void } = {},
  ): Promise<DemoRun> {
    const timings: Record<string, number> = {};
    const t = (name: string, since: number) => (timings[name] = Date.now() - since);
    const progress = o.progress ?? (() => undefined);
    const now = o.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    if (!(this.sources instanceof InMemoryCorrelationSources)) {
      throw new Error(
        'the demo needs the built-in correlation sources (the demo lends vendor facts and repository classes)',
      );
    }
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
    progress(15, 'generated the organisation');

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
    this.loadSources(org, matcher);
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
    progress(45, 'first baseline (two weeks ago, before the survey)');

    s = Date.now();
    // The survey arrives between the two baselines, through the import-survey code path.
    await this.surveyImport.importAsNewSurvey(
      Buffer.from(org.survey.csv),
      { fileName: 'survey-google-forms.csv', title: 'AI tools survey', privacyMode: 'identified' },
      LOCAL_OPERATOR,
    );
    for (const path of logs.after) await this.network.ingestFile({ path, actor: LOCAL_OPERATOR });
    await this.scanRepositories(org, join(inputs, 'repositories'), now);
    await this.evidence.record(all);
    await this.correlation.correlate(now);
    t('correlate', s);
    progress(70, 'correlated everything');

    s = Date.now();
    const set = await this.exporter.exportSet(outDir, {
      organisation: org.name,
      now,
      actor: DEMO_ACTOR,
    });
    writeFileSync(join(outDir, 'demo-truth.json'), JSON.stringify(org.truth, null, 2));
    set.files.push(join(outDir, 'demo-truth.json'));
    t('reports', s);
    progress(100, 'reports written');
    return { ...set, truth: org.truth, timings };
  }

  /**
   * The built-in catalog does not state every vendor's terms; where it is silent the demo lends
   * its illustrative ones so that the report's vendor reasoning has something to show.
   */
  private toolsWithDemoVendorFacts(matcher: ToolMatcher): ToolDefinition[] {
    const demo = demoCatalogMatcher();
    const lent = new Map<string, ToolDefinition['vendorRisk']>();
    for (const t of DEMO_TOOLS) {
      const realId = matcher.matchHost(t.host);
      const demoTool = DEMO_CATALOG.find((d) => d.id === demo.matchHost(t.host));
      if (realId && demoTool?.vendorRisk) lent.set(realId, demoTool.vendorRisk);
    }
    return this.catalog
      .tools()
      .map((t) => (t.vendorRisk || !lent.has(t.id) ? t : { ...t, vendorRisk: lent.get(t.id) }));
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
    for (const dir of writeDemoRepositories(root, repos, org.now))
      await this.repoScans.scan({ path: dir, full: true }, LOCAL_OPERATOR);
  }

  /** Only what no module provides yet: lent vendor facts and the repositories' data classes. */
  private loadSources(org: DemoOrganisation, matcher: ToolMatcher): void {
    (this.sources as InMemoryCorrelationSources).set({
      tools: this.toolsWithDemoVendorFacts(matcher),
      repositories: org.repositories.map((r) => ({
        repository: r.name,
        team: r.team,
        dataClasses: r.dataClasses,
      })),
    });
  }
}
