// The matcher's fast path for the ingest loop: a host seen before (as bytes) resolves from a
// hash table without building a string; only the first sighting asks the catalog matcher.
import type { ToolMatcher } from '../../../catalog/catalog.types';
import type { HostLookup } from '../parsers/host-lookup';
import { normalizeHost } from '../parsers/parse-utils';

interface Entry {
  bytes: Buffer;
  toolId: string | null;
  next: Entry | undefined;
}

export class HostMatchCache implements HostLookup {
  private readonly table = new Map<number, Entry>();
  private readonly byName = new Map<string, string | null>();
  private size = 0;

  constructor(
    private readonly matcher: Pick<ToolMatcher, 'matchHost'>,
    /** bounds memory on logs with millions of distinct hosts; the table is dropped when full */
    private readonly maxEntries = 200_000,
  ) {}

  matchBytes(buf: Buffer, start: number, end: number): string | null {
    // FNV-1a over the ASCII-lower-cased bytes
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = buf[i];
      if (c >= 65 && c <= 90) c |= 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h &= 0x3fffffff; // a small integer key: a full 32-bit one would be a boxed number per lookup
    const len = end - start;
    for (let e = this.table.get(h); e !== undefined; e = e.next) {
      const b = e.bytes;
      if (b.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        let c = buf[start + i];
        if (c >= 65 && c <= 90) c |= 32;
        if (b[i] !== c) {
          same = false;
          break;
        }
      }
      if (same) return e.toolId;
    }
    const toolId = this.matchHost(buf.toString('utf8', start, end));
    if (this.size >= this.maxEntries) {
      this.table.clear();
      this.size = 0;
    }
    const bytes = Buffer.allocUnsafe(len);
    for (let i = 0; i < len; i++) {
      let c = buf[start + i];
      if (c >= 65 && c <= 90) c |= 32;
      bytes[i] = c;
    }
    this.table.set(h, { bytes, toolId, next: this.table.get(h) });
    this.size++;
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
