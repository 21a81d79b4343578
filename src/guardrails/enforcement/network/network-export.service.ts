import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../../catalog/catalog.service';
import { buildEnforcementLists, type EnforcementLists } from './enforcement-lists';
import {
  renderExport,
  type ExportFormat,
  type ExportList,
  type RenderedExport,
} from './network-export.renderers';

/**
 * Network enforcement exports, generated on every request from the catalog and policy as they
 * are now: nothing to keep in step, and the policy version (a hash of the lists) lets a proxy's
 * cron job fetch with If-None-Match and reload only on change.
 */
@Injectable()
export class NetworkExportService {
  constructor(private readonly catalog: CatalogService) {}

  async lists(): Promise<EnforcementLists> {
    await this.catalog.refresh();
    return buildEnforcementLists(this.catalog.tools(), await this.catalog.policiesById());
  }

  async render(
    format: ExportFormat,
    list: ExportList,
  ): Promise<RenderedExport & { version: string }> {
    const lists = await this.lists();
    return { ...renderExport(format, list, lists), version: lists.version };
  }
}
