import { Inject, Injectable } from '@nestjs/common';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_OPERATOR } from '../../auth/role';
import { CatalogService } from '../../catalog/catalog.service';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import type { DataClass, ToolDefinition, ToolMatcher } from '../../catalog/catalog.types';
import { ToolPolicyService } from '../../catalog/tool-policy.service';
import {
  CORRELATION_SOURCES,
  identityKey,
  InMemoryCorrelationSources,
} from '../../findings/correlation/correlation-sources';
import type { CorrelationSources } from '../../findings/correlation/correlation-sources';
import { CorrelationService } from '../../findings/correlation/correlation.service';
import type { SurveyDisclosure } from '../../findings/disclosure/disclosure';
import { EvidenceService } from '../../signals/evidence/evidence.service';
import type { ExportedReportSet } from '../report-export.service';
import { ReportExportService } from '../report-export.service';
import { ReportsService } from '../reports.service';
import { DEMO_CATALOG, demoCatalogMatcher } from './demo-catalog';
import { DEMO_TOOLS } from './demo-profile';
import { networkEvidenceFromLogs, repositoryEvidence, seatEvidence } from './demo-evidence';
import { writeDemoRepositories } from './demo-git.writer';
import { generateDemoOrganisation } from './demo-org.generator';
import type { DemoOrganisation, DemoTruth } from './demo-org.types';

export interface DemoRun extends ExportedReportSet {
  truth: DemoTruth;
  timings: Record<string, number>;
}

const ANSWER_CLASSES: Record<string, DataClass> = {
  public: 'public',
  internal: 'internal',
  'customer personal data': 'pii',
  'health data': 'phi',
};

/**
 * The newcomer's first run: a generated organisation goes through the whole pipeline twice (two
 * weeks ago, then now, after the survey) so the report shows both a baseline and its change.
 */
@Injectable()
export class DemoBaselineService {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly correlation: CorrelationService,
    private readonly reports: ReportsService,
    private readonly exporter: ReportExportService,
    private readonly catalog: CatalogService,
    private readonly policies: ToolPolicyService,
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
        'the demo needs the built-in correlation sources (catalog, people and surveys are then loaded by the demo)',
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
    writeDemoRepositories(join(inputs, 'repositories'), org.repositories, now);
    writeFileSync(join(inputs, 'logs', 'squid-access.log'), org.squidLog);
    writeFileSync(join(inputs, 'logs', 'zeek-ssl.log'), org.zeekSslLog);
    writeFileSync(join(inputs, 'survey-google-forms.csv'), org.survey.csv);
    t('generate', s);
    progress(15, 'generated the organisation');

    s = Date.now();
    const all = [
      ...networkEvidenceFromLogs(org, matcher),
      ...repositoryEvidence(org, matcher),
      ...seatEvidence(org, matcher),
    ];
    const cutoff = new Date(now.getTime() - 14 * 86_400_000);
    const before = all.filter((e) => e.lastSeen < cutoff);
    this.loadSources(org, matcher, false);
    await this.evidence.record(before);
    await this.correlation.correlate(cutoff);
    await this.reports.build('baseline', { organisation: org.name, now: cutoff, actor: 'demo' });
    t('first-baseline', s);
    progress(45, 'first baseline (two weeks ago, before the survey)');

    s = Date.now();
    this.loadSources(org, matcher, true);
    await this.evidence.record(all);
    await this.correlation.correlate(now);
    t('correlate', s);
    progress(70, 'correlated everything');

    s = Date.now();
    const set = await this.exporter.exportSet(outDir, {
      organisation: org.name,
      now,
      actor: 'demo',
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

  private loadSources(
    org: DemoOrganisation,
    matcher: ReturnType<typeof demoCatalogMatcher>,
    surveyDone: boolean,
  ): void {
    const sources = this.sources as InMemoryCorrelationSources;
    const identities = new Map<string, string>();
    for (const p of org.people) {
      identities.set(identityKey('email', p.email), p.id);
      identities.set(identityKey('username', p.proxyUser), p.id);
      identities.set(identityKey('ip', p.ip), p.id);
      identities.set(identityKey('commit-email', p.commitEmail), p.id);
      identities.set(identityKey('github', p.githubLogin), p.id);
    }
    const byEmail = new Map(org.people.map((p) => [p.email, p.id]));
    const disclosures: SurveyDisclosure[] = [];
    if (surveyDone) {
      for (const a of org.survey.answers) {
        const personId = byEmail.get(a.email);
        if (!personId) continue;
        const classes = a.dataClasses
          .map((c) => ANSWER_CLASSES[c.toLowerCase()])
          .filter((c): c is DataClass => DATA_CLASSES.includes(c));
        for (const toolId of new Set(
          a.tools.map((n) => matcher.matchName(n)).filter((x): x is string => !!x),
        )) {
          disclosures.push({ personId, toolId, dataClasses: classes, account: a.account });
        }
      }
    }
    sources.set({
      tools: this.toolsWithDemoVendorFacts(matcher),
      people: org.people.map((p) => ({ id: p.id, label: `${p.name} <${p.email}>`, team: p.team })),
      identities,
      surveyedPersonIds: surveyDone
        ? org.survey.answers.flatMap((a) => byEmail.get(a.email) ?? [])
        : [],
      disclosures,
      repositories: org.repositories.map((r) => ({
        repository: r.name,
        team: r.team,
        dataClasses: r.dataClasses,
      })),
    });
  }
}
