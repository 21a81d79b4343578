import { Injectable } from '@nestjs/common';
import { loadBuiltinCatalog } from '../../catalog/catalog-loader';
import type { ToolDefinition, ToolMatcher } from '../../catalog/catalog.types';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import { DomainError, ErrorCode } from '../../common/domain-error';

/**
 * Where the scanner gets its patterns: the catalog's matcher. Built from the built-in catalog
 * until the catalog module exports a CatalogService (which adds the organisation's own tools);
 * then this provider should delegate to `catalogService.matcher()`.
 */
@Injectable()
export class RepoMatcherProvider {
  private matcherInstance?: ToolMatcher;
  private toolsById?: Map<string, ToolDefinition>;

  matcher(): ToolMatcher {
    this.load();
    return this.matcherInstance as ToolMatcher;
  }

  tool(id: string): { name: string; vendor?: string } | undefined {
    this.load();
    const t = this.toolsById?.get(id);
    return t ? { name: t.name, vendor: t.vendor } : undefined;
  }

  private load(): void {
    if (this.matcherInstance) return;
    let tools: ToolDefinition[];
    try {
      tools = loadBuiltinCatalog();
    } catch (err) {
      throw new DomainError(
        ErrorCode.Unavailable,
        `the AI tool catalog could not be loaded: ${(err as Error).message}`,
      );
    }
    this.matcherInstance = CatalogMatcher.fromTools(tools);
    this.toolsById = new Map(tools.map((t) => [t.id, t]));
  }

  /** For tests and the benchmark: use a given tool list instead of the built-in catalog. */
  useTools(tools: ToolDefinition[]): void {
    this.matcherInstance = CatalogMatcher.fromTools(tools);
    this.toolsById = new Map(tools.map((t) => [t.id, t]));
  }
}
