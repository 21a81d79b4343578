// The matcher's fast path for the ingest loop: a host seen before (as bytes) resolves from a
// hash table without building a string; only the first sighting asks the catalog matcher.
import type { ToolMatcher } from '../../../catalog/catalog.types';
import type { HostLookup } from '../parsers/host-lookup';
import { BytesMap } from '../parsers/bytes-map';
import { normalizeHost } from '../parsers/parse-utils';

export class HostMatchCache implements HostLookup {
  private readonly byBytes: BytesMap<string | null>;
  private readonly byName = new Map<string, string | null>();

  constructor(
    private readonly matcher: Pick<ToolMatcher, 'matchHost'>,
    /** bounds memory on logs with millions of distinct hosts; the table is dropped when full */
    private readonly maxEntries = 200_000,
  ) {
    this.byBytes = new BytesMap(true, maxEntries);
  }

  matchBytes(buf: Buffer, start: number, end: number): string | null {
    const known = this.byBytes.get(buf, start, end);
    if (known !== undefined) return known;
    const toolId = this.matchHost(buf.toString('utf8', start, end));
    this.byBytes.set(buf, start, end, toolId);
    return toolId;
  }

  /** A host as a string (any form normalizeHost accepts) → tool id or null. */
  matchHost(raw: string): string | null {
    const cached = this.byName.get(raw);
    if (cached !== undefined) return cached;
    const host = normalizeHost(raw);
    const toolId = host ? (this.matcher.matchHost(host) ?? null) : null;
    if (this.byName.size >= this.maxEntries) this.byName.clear();
    this.byName.set(raw, toolId);
    return toolId;
  }
}
