import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { BaselineCsvPart, ReportFormat, ReportModel } from './model/report.types';
import { renderCsv } from './render/csv.renderer';
import { HtmlReportRenderer } from './render/html.renderer';
import { chromiumAvailable, renderPdf } from './render/pdf.renderer';
import { renderInventoryXlsx } from './render/xlsx.renderer';

export interface RenderedReport {
  contentType: string;
  extension: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

@Injectable()
export class ReportRendererService {
  private html?: HtmlReportRenderer;

  constructor(private readonly config: AppConfig) {}

  async render(
    model: ReportModel,
    format: ReportFormat,
    part?: BaselineCsvPart,
  ): Promise<RenderedReport> {
    return {
      contentType: CONTENT_TYPES[format],
      extension: format,
      body: await this.body(model, format, part),
    };
  }

  renderHtml(model: ReportModel): string {
    this.html ??= new HtmlReportRenderer();
    return this.html.render(model);
  }

  pdfAvailable(): boolean {
    return chromiumAvailable(this.config.chromiumPath);
  }

  private async body(
    model: ReportModel,
    format: ReportFormat,
    part?: BaselineCsvPart,
  ): Promise<Buffer> {
    switch (format) {
      case 'html':
        return Buffer.from(this.renderHtml(model));
      case 'json':
        return Buffer.from(JSON.stringify(model, null, 2));
      case 'csv':
        return Buffer.from(renderCsv(model, part));
      case 'xlsx':
        if (model.kind !== 'inventory')
          throw new DomainError(
            ErrorCode.InvalidInput,
            `format xlsx is for the inventory report, not ${model.kind}`,
          );
        return renderInventoryXlsx(model);
      case 'pdf':
        return this.pdfFromHtml(this.renderHtml(model), 'html');
    }
  }

  /**
   * A self-contained HTML page printed to A4 by Chromium, once the page sets
   * `window.__reportReady`; other modules' documents (the record of processing) print through it.
   */
  pdfFromHtml(html: string, fallbackFormat: string): Promise<Buffer> {
    if (!this.pdfAvailable()) {
      throw new DomainError(
        ErrorCode.Unavailable,
        `PDF needs Chromium at ${this.config.chromiumPath} (Debian: apt-get install -y chromium; or set CHROMIUM_PATH); download format=${fallbackFormat} instead`,
      );
    }
    return renderPdf(html, this.config.chromiumPath);
  }
}
