import { Injectable } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../auth/role';
import type { ReportSnapshotEntity } from './entities/report-snapshot.entity';
import type { ReportFormat } from './model/report.types';
import { ReportRendererService } from './report-renderer.service';
import { ReportsService } from './reports.service';

export interface ExportedReportSet {
  dir: string;
  files: string[];
  /** why a file is missing (e.g. no Chromium for the PDF) */
  skipped: string[];
  baseline: ReportSnapshotEntity;
  inventory: ReportSnapshotEntity;
  findings: ReportSnapshotEntity;
}

const PLAN: { kind: 'baseline' | 'inventory' | 'findings'; formats: ReportFormat[] }[] = [
  { kind: 'baseline', formats: ['html', 'pdf', 'json', 'csv'] },
  { kind: 'inventory', formats: ['xlsx', 'csv', 'html', 'json'] },
  { kind: 'findings', formats: ['csv', 'html'] },
];

/** Builds the three reports from the current findings and writes the report set into a folder. */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly renderer: ReportRendererService,
  ) {}

  async exportSet(
    dir: string,
    o: { organisation: string; now?: Date; actor: Actor },
  ): Promise<ExportedReportSet> {
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    const skipped: string[] = [];
    const built: Partial<Record<'baseline' | 'inventory' | 'findings', ReportSnapshotEntity>> = {};
    for (const { kind, formats } of PLAN) {
      const snapshot = await this.reports.build(kind, {
        organisation: o.organisation,
        now: o.now,
        actor: o.actor,
      });
      built[kind] = snapshot;
      for (const format of formats) {
        if (format === 'pdf' && !this.renderer.pdfAvailable()) {
          skipped.push(
            `${kind}.pdf: Chromium not found (Debian: apt-get install -y chromium, or set CHROMIUM_PATH); ${kind}.html has the same content`,
          );
          continue;
        }
        const rendered = await this.renderer.render(snapshot.model, format);
        const file = join(dir, `${kind}.${rendered.extension}`);
        writeFileSync(file, rendered.body);
        files.push(file);
      }
      if (kind === 'baseline') {
        // the vendor facts behind the baseline, one row per fact with its source and date
        const facts = await this.renderer.render(snapshot.model, 'csv', 'facts');
        const file = join(dir, 'baseline-facts.csv');
        writeFileSync(file, facts.body);
        files.push(file);
      }
    }
    // adoption by source (survey, network, vendor) as its own table, when a vendor recorded use
    const baseline = built.baseline!.model;
    if (baseline.kind === 'baseline' && baseline.adoption) {
      const rendered = await this.renderer.render(baseline, 'csv', 'adoption');
      const file = join(dir, 'baseline-adoption.csv');
      writeFileSync(file, rendered.body);
      files.push(file);
    }
    // GitHub Copilot's own organisation figures, when its metrics report was read
    if (baseline.kind === 'baseline' && baseline.copilotMetrics) {
      const rendered = await this.renderer.render(baseline, 'csv', 'copilot');
      const file = join(dir, 'baseline-copilot.csv');
      writeFileSync(file, rendered.body);
      files.push(file);
    }
    return {
      dir,
      files,
      skipped,
      baseline: built.baseline!,
      inventory: built.inventory!,
      findings: built.findings!,
    };
  }
}
