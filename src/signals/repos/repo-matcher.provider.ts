import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../catalog/catalog.service';
import type { ToolMatcher } from '../../catalog/catalog.types';

/** Where the scanner gets its patterns: the catalog's matcher (built-in plus custom tools). */
@Injectable()
export class RepoMatcherProvider {
  constructor(private readonly catalog: CatalogService) {}

  /** Re-reads custom tools changed by another process, so a long-lived worker sees them. */
  async matcher(): Promise<ToolMatcher> {
    return this.catalog.refresh();
  }

  tool(id: string): { name: string; vendor?: string } | undefined {
    if (!this.catalog.has(id)) return undefined;
    const t = this.catalog.definition(id);
    return { name: t.name, vendor: t.vendor };
  }
}
