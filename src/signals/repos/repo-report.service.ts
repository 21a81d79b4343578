import { Injectable } from '@nestjs/common';
import { EvidenceService } from '../../evidence/evidence.service';
import { renderCycloneDx } from './output/cyclonedx.renderer';
import { renderSarif } from './output/sarif.renderer';
import { claimsAndLeads, toolsOfEvidence, type ToolView } from './output/scan-report';
import { RepoMatcherProvider } from './repo-matcher.provider';
import { ReposService } from './repos.service';

const ALL = 100_000;

/** What a repository's evidence says, grouped by tool, and that view as SARIF or CycloneDX. */
@Injectable()
export class RepoReportService {
  constructor(
    private readonly repos: ReposService,
    private readonly evidence: EvidenceService,
    private readonly matchers: RepoMatcherProvider,
  ) {}

  /**
   * Everything recorded for a repository, so an incremental scan still reports the whole picture:
   * the tools it claims, and leads (weak evidence only, for review).
   */
  async toolsOf(repository: string): Promise<{ tools: ToolView[]; leads: ToolView[] }> {
    return claimsAndLeads(
      toolsOfEvidence(await this.evidence.list({ repository, limit: ALL, offset: 0 })),
    );
  }

  async sarif(id: string): Promise<object> {
    const repo = await this.repos.get(id);
    const { tools, leads } = await this.toolsOf(repo.name);
    return this.renderSarif(repo.name, tools, leads);
  }

  async cyclonedx(id: string): Promise<object> {
    const repo = await this.repos.get(id);
    return this.renderCycloneDx(repo.name, (await this.toolsOf(repo.name)).tools);
  }

  /** SARIF carries leads too (as results for review); the AI-BOM lists claimed tools only. */
  renderSarif(repository: string, tools: ToolView[], leads: ToolView[] = []): object {
    return renderSarif(repository, [...tools, ...leads], (t) => this.matchers.tool(t));
  }

  renderCycloneDx(repository: string, tools: ToolView[]): object {
    return renderCycloneDx(repository, tools, (t) => this.matchers.tool(t));
  }
}
