import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { ReportRendererService } from '../../reports/report-renderer.service';
import { renderDocumentHtml, renderDocumentMarkdown } from '../privacy-document';
import { TransparencyService } from '../transparency/transparency.service';
import { buildRecordOfProcessing } from './record-of-processing';

export type RecordFormat = 'md' | 'pdf';

/** The record of processing from the live configuration, as Markdown or PDF (through Chromium). */
@Injectable()
export class RecordOfProcessingService {
  constructor(
    private readonly transparency: TransparencyService,
    private readonly renderer: ReportRendererService,
    private readonly audit: AuditService,
  ) {}

  async render(
    format: RecordFormat,
    actor: Actor,
    now = new Date(),
  ): Promise<{ contentType: string; filename: string; body: Buffer }> {
    const doc = buildRecordOfProcessing(await this.transparency.facts(), now);
    const body =
      format === 'pdf'
        ? await this.renderer.pdfFromHtml(renderDocumentHtml(doc, { forPdf: true }), 'md')
        : Buffer.from(renderDocumentMarkdown(doc));
    await this.audit.record({
      actor,
      action: 'privacy-record.export',
      targetType: 'privacy-record',
      detail: { format },
    });
    return {
      contentType: format === 'pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8',
      filename: `record-of-processing-${now.toISOString().slice(0, 10)}.${format}`,
      body,
    };
  }
}
