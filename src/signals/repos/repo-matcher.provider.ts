import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../catalog/catalog.service';
import type { ToolMatcher } from '../../catalog/catalog.types';
import { toolPathSamples } from './detect/config-file.detector';

/** Where the scanner gets its patterns: the catalog's matcher (built-in plus custom tools). */
@Injectable()
export class RepoMatcherProvider {
  constructor(private readonly catalog: CatalogService) {}

  /** Re-reads custom tools changed by another process, so a long-lived worker sees them. */
  async matcher(): Promise<ToolMatcher> {
    return this.catalog.refresh();
  }

  /** one concrete path per catalog path rule, for .gitignore wildcard entries */
  pathSamples(): string[] {
    return toolPathSamples(this.catalog.tools().flatMap((t) => t.rules.paths ?? []));
  }

  tool(id: string): { name: string; vendor?: string } | undefined {
    if (!this.catalog.has(id)) return undefined;
    const t = this.catalog.definition(id);
    return { name: t.name, vendor: t.vendor };
  }
}
