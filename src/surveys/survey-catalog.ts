import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import type { ToolDefinition, ToolMatcher } from '../catalog/catalog.types';

/** What the surveys module needs from the catalog: the tool picker's list and a name matcher. */
export abstract class SurveyCatalog {
  abstract tools(): Promise<ToolDefinition[]>;
  abstract matcher(): Promise<ToolMatcher>;
}

/** The catalog module's tools (built-in and custom), refreshed when another process changed them. */
@Injectable()
export class CatalogSurveyCatalog extends SurveyCatalog {
  constructor(private readonly catalog: CatalogService) {
    super();
  }

  async tools(): Promise<ToolDefinition[]> {
    await this.catalog.refresh();
    return [...this.catalog.tools()];
  }

  matcher(): Promise<ToolMatcher> {
    return this.catalog.refresh();
  }
}
