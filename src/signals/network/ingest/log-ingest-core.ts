// The pure core of network ingest: bytes in, counts and daily roll-ups out. No I/O here; the
// edge feeds buffers and decides when to drain and commit.
import type {
  FieldCuts,
  LineParser,
  NetworkIdentity,
  NetworkIdentityKind,
  SieveShape,
} from '../network.types';
import { isMalformed } from '../network.types';
import { emptyHotHit, type HostLookup, type HotHit, ScanResult } from '../parsers/host-lookup';
import { scanSquidNative } from '../parsers/squid.parser';
import type { RequestBytes, ToolRequest } from '../../../catalog/catalog.types';
import type { HostMatchCache } from './host-match-cache';
import { LineSieve, SieveStep } from '../sieve/line-sieve';
import { RollupBook } from './rollup-book';
import type { LeaseBook } from '../../../people/identity/ip-leases';
import type { ErasedIdentities } from '../../../people/identity/erased-identities';
import {
  type IngestCounts,
  type IngestProgressState,
  type MalformedSample,
  type ToolSummary,
  type UsageRollup,
} from './usage-rollup';

const SQUID_SHAPE: SieveShape = { kind: 'squid' };
/** below this a chunk (a line carried over between reads) is not worth copying into the sieve */
const SIEVE_MIN_BYTES = 4096;
const UNKNOWN: NetworkIdentity = { kind: 'ip', value: 'unknown' };
/** numbers kept per address hit: time, bytes up, bytes down, blocked (1/0), groups before it */
const ADDRESS_HIT_NUMBERS = 5;
/** strings kept per address hit: address, tool id, action */
const ADDRESS_HIT_STRINGS = 3;

/** The catalog's per-action rules, as ingest asks them (CatalogMatcher implements it). */
export interface ActionMatcher {
  hasActions(toolId: string): boolean;
  matchAction(toolId: string, request: ToolRequest): string | undefined;
  /** matchAction on bytes; null: only the strings can tell */
  matchActionBytes?(
    toolId: string,
    buf: Buffer,
    request: RequestBytes,
    bytesUp: number | undefined,
  ): string | undefined | null;
}

export interface LogIngestCoreOptions {
  /** 'squid-native' selects the byte-level hot path */
  parser: LineParser | 'squid-native';
  hosts: HostMatchCache;
  /** tells a tool's actions apart where a line carries the URL path (chat vs file upload) */
  actions?: ActionMatcher;
  /** the people module's leases: a line naming only an address goes to who held it then */
  leases?: Pick<LeaseBook, 'holderAt'>;
  /** identities of erased people: their lines count for the tool but name no one */
  erased?: Pick<ErasedIdentities, 'has'>;
  malformedSampleSize?: number;
  /** state committed by an earlier, interrupted run of the same file */
  resumeFrom?: { line: number; state: IngestProgressState };
  /**
   * A worker's core over one byte range: it hands its matched lines to the owning core, which
   * applies leases and erasure and keeps the roll-ups. Lines naming a user are grouped here per
   * (identity, tool, action, day) already; lines naming only an address stay one by one, since
   * who held the address depends on each line's time.
   */
  collectHits?: boolean;
  /**
   * the WebAssembly line sieve for the common lines (default: on; INGEST_SIEVE=off sets false), or
   * where to get one to reuse: a worker keeps one for all its ranges, with the hosts it has
   * learnt (they depend only on the matcher, which is the worker's)
   */
  sieve?: boolean | (() => LineSieve);
}

/**
 * A worker's matched lines that name only an address, in line order, as flat columns (cheap to
 * post between threads). Each hit also says how many groups had been started before it, so the
 * owning core can take groups and hits in the order a single thread would have met them.
 */
export interface AddressHits {
  /** per hit: address, tool id, action ('' when no action rule says) */
  strings: string[];
  /** per hit: time, bytes up, bytes down, blocked (1 or 0), groups started before it */
  numbers: number[];
}

/** What a worker's core found in its byte range; line numbers in `sample` count from 1 there. */
export interface RangeScan {
  lines: number;
  counts: IngestCounts;
  sample: MalformedSample[];
  /** matched lines naming a user, summed per (identity, tool, action, day), in order of first line */
  groups: UsageRollup[];
  addressHits: AddressHits;
  /** lines the worker's sieve settled */
  sieved: number;
}

/**
 * The host lookup a hit reader gets for a line the sieve found to a tool: the reader finds the
 * host the sieve found (the same bytes of the same buffer), and the sieve's answer is given again
 * instead of a second lookup. Any other range is looked up.
 */
class SieveHost implements HostLookup {
  private start = -1;
  private end = -1;
  private toolId: string | null = null;

  constructor(private readonly hosts: HostLookup) {}

  found(start: number, end: number, toolId: string): void {
    this.start = start;
    this.end = end;
    this.toolId = toolId;
  }

  forget(): void {
    this.start = this.end = -1;
  }

  matchBytes(buf: Buffer, start: number, end: number): string | null {
    if (start === this.start && end === this.end) return this.toolId;
    return this.hosts.matchBytes(buf, start, end);
  }
}

const noAddressHits = (): AddressHits => ({ strings: [], numbers: [] });

export class LogIngestCore {
  private lineNo: number;
  private readonly counts: IngestCounts;
  private readonly sample: MalformedSample[];
  private readonly tools = new Map<string, { requests: number; bytes: number; ids: Set<string> }>();
  private readonly delta = new RollupBook();
  private readonly hit = emptyHotHit();
  private readonly sieveHost: SieveHost;
  /** the separators of a tool line the sieve found (count -1: none) */
  private readonly cuts: FieldCuts = { count: -1, at: new Uint32Array(0), offset: 0 };
  private readonly sampleSize: number;
  /** a worker's groups (kept apart from `delta`, which a worker's runner drains and drops) */
  private readonly groups = new RollupBook();
  private addressHits = noAddressHits();
  private readonly sieve: LineSieve | undefined;
  private sieved = 0;
  /** whether this ingest runs the sieve: the workers it hands ranges to do the same */
  readonly sieveOn: boolean;

  constructor(private readonly options: LogIngestCoreOptions) {
    this.sampleSize = options.malformedSampleSize ?? 20;
    this.sieveHost = new SieveHost(options.hosts);
    const parser = options.parser;
    const sieved = parser === 'squid-native' || parser.sieveShape !== undefined;
    const sieve = options.sieve ?? true;
    this.sieveOn = sieve !== false;
    if (sieved && sieve) this.sieve = typeof sieve === 'function' ? sieve() : new LineSieve();
    const resume = options.resumeFrom;
    this.lineNo = resume?.line ?? 0;
    this.counts = resume
      ? { ...resume.state.counts }
      : { lines: 0, parsed: 0, malformed: 0, matched: 0 };
    this.sample = resume ? [...resume.state.malformedSample] : [];
    for (const [tool, s] of Object.entries(resume?.state.tools ?? {})) {
      this.tools.set(tool, { requests: s.requests, bytes: s.bytes, ids: new Set(s.identities) });
    }
  }

  /** Consumes every complete line in buf[start, end); returns where the unconsumed tail starts. */
  pushChunk(buf: Buffer, start: number, end: number): number {
    const sieve = this.sieve;
    if (!sieve || end - start < SIEVE_MIN_BYTES) return this.pushLines(buf, start, end);
    let pos = start;
    let loaded = false;
    for (;;) {
      if (!sieve.configure(this.sieveShape())) {
        // no sieve for the current columns (no Zeek #fields yet): one line, then look again
        const nl = buf.indexOf(10, pos);
        if (nl < 0 || nl >= end) return pos;
        this.consume(buf, pos, nl);
        pos = nl + 1;
        continue;
      }
      if (!loaded && !sieve.load(buf, start, end)) return this.pushLines(buf, pos, end);
      loaded = true;
      sieve.seek(pos - start);
      const step = sieve.next();
      const settled = sieve.fast;
      if (settled > 0) this.settle(settled);
      if (step === SieveStep.End) return start + sieve.consumed;
      pos = start + sieve.lineEnd + 1;
      if (step === SieveStep.HostMiss) {
        const hs = start + sieve.hostStart;
        const he = start + sieve.hostEnd;
        const toolId = this.options.hosts.matchBytes(buf, hs, he);
        if (toolId === null) {
          sieve.learn();
          this.settle(1);
          continue;
        }
        this.sieveHost.found(hs, he, toolId);
      }
      // a header may change the columns: the shape is asked again before the next line. A
      // well-formed line to a tool skips the prescan, which would only find the tool again, and
      // its reader gets the fields the sieve can cut.
      const toTool = step === SieveStep.HostMiss;
      if (toTool) {
        const cuts = this.cuts;
        cuts.count = sieve.cutLine();
        cuts.at = sieve.cuts;
        cuts.offset = start;
      }
      this.consume(buf, start + sieve.lineStart, start + sieve.lineEnd, toTool);
    }
  }

  private pushLines(buf: Buffer, start: number, end: number): number {
    let pos = start;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0 || nl >= end) return pos;
      this.consume(buf, pos, nl);
      pos = nl + 1;
    }
  }

  private sieveShape(): SieveShape | undefined {
    const parser = this.options.parser;
    return parser === 'squid-native' ? SQUID_SHAPE : parser.sieveShape?.();
  }

  /** Lines the sieve found well formed and to no tool: what consume() does for them. */
  private settle(lines: number): void {
    this.sieved += lines;
    this.lineNo += lines;
    this.counts.lines += lines;
    this.counts.parsed += lines;
  }

  /** The last line of a file that does not end in a newline. */
  pushLastLine(buf: Buffer, start: number, end: number): void {
    if (end > start) this.consume(buf, start, end);
  }

  /** A line too long to be a log line: counted and sampled, never parsed. */
  pushOversizedLine(reason: string): void {
    this.lineNo++;
    this.counts.lines++;
    this.bad(reason);
  }

  private consume(buf: Buffer, start: number, end: number, toTool = false): void {
    this.lineNo++;
    let e = end;
    if (e > start && buf[e - 1] === 13) e--;
    if (e === start) return; // blank lines are no lines
    this.counts.lines++;
    const parser = this.options.parser;
    if (parser === 'squid-native') {
      const hit = this.hit;
      switch (scanSquidNative(buf, start, e, this.options.hosts, hit)) {
        case ScanResult.Skip:
          return;
        case ScanResult.NoTool:
          this.counts.parsed++;
          return;
        case ScanResult.Malformed:
          this.bad(hit.reason);
          return;
        case ScanResult.Tool:
          this.addHit(buf, hit);
          return;
      }
    }
    // a tool hit the format can read on bytes needs no string of the line
    if (toTool) {
      const cuts = this.cuts.count >= 0 ? this.cuts : undefined;
      const read = parser.scanTool?.(buf, start, e, this.sieveHost, this.hit, cuts);
      this.sieveHost.forget(); // the sieve's answer holds for this line only
      if (read) {
        this.addHit(buf, this.hit);
        return;
      }
    }
    if (!toTool && parser.prescan?.(buf, start, e, this.options.hosts)) {
      this.counts.parsed++; // well-formed, and no tool: nothing more to learn from it
      return;
    }
    const outcome = parser.parse(buf.toString('utf8', start, e));
    if (outcome === null) return;
    if (isMalformed(outcome)) {
      this.bad(outcome.malformed);
      return;
    }
    this.counts.parsed++;
    const toolId = this.options.hosts.matchHost(outcome.host);
    if (toolId === null) return;
    const actions = this.options.actions;
    const action =
      actions && outcome.path !== undefined && actions.hasActions(toolId)
        ? (actions.matchAction(toolId, {
            host: outcome.host,
            path: outcome.path,
            method: outcome.method,
            bytesUp: outcome.bytesUp,
          }) ?? '')
        : '';
    this.add(
      outcome.identity,
      toolId,
      action,
      outcome.time,
      outcome.bytesUp,
      outcome.bytesDown,
      outcome.blocked,
    );
  }

  /** A well-formed line to a tool, read on bytes. */
  private addHit(buf: Buffer, hit: HotHit): void {
    this.counts.parsed++;
    this.add(
      hit.identity,
      hit.toolId as string,
      this.nativeAction(buf, hit),
      hit.time,
      hit.bytesUp,
      hit.bytesDown,
      hit.blocked,
    );
  }

  /** The action of a hit read on bytes; strings are built only for tools with action rules. */
  private nativeAction(buf: Buffer, hit: HotHit): string {
    const actions = this.options.actions;
    const toolId = hit.toolId as string;
    if (!actions || hit.pathEnd <= hit.pathStart || !actions.hasActions(toolId)) return '';
    // most requests are told apart on bytes; the strings are built where a wildcard must decide
    if (actions.matchActionBytes) {
      const action = actions.matchActionBytes(toolId, buf, hit, hit.bytesUp);
      if (action !== null) return action ?? '';
    }
    return (
      actions.matchAction(toolId, {
        host: buf.toString('latin1', hit.hostStart, hit.hostEnd),
        path: buf.toString('utf8', hit.pathStart, hit.pathEnd),
        method: buf.toString('latin1', hit.methodStart, hit.methodEnd),
        bytesUp: hit.bytesUp,
      }) ?? ''
    );
  }

  private bad(reason: string): void {
    this.counts.malformed++;
    if (this.sample.length < this.sampleSize) this.sample.push({ line: this.lineNo, reason });
  }

  private add(
    identity: NetworkIdentity | undefined,
    toolId: string,
    /** '' when no action rule says */
    action: string,
    time: number,
    bytesUp: number | undefined,
    bytesDown: number | undefined,
    blocked: boolean,
  ): void {
    const who = identity ?? UNKNOWN;
    const up = bytesUp ?? 0;
    const down = bytesDown ?? 0;
    if (!this.options.collectHits) {
      this.roll(who.kind, who.value, toolId, action, time, up, down, blocked);
      return;
    }
    this.counts.matched++;
    if (who.kind === 'ip') {
      const hits = this.addressHits;
      hits.strings.push(who.value, toolId, action);
      hits.numbers.push(time, up, down, blocked ? 1 : 0, this.groups.size);
      return;
    }
    const groups = this.groups;
    groups.line(groups.identity(who.kind, who.value), toolId, action, time, up, down, blocked);
  }

  /** Takes a worker's scan of the range that follows everything consumed so far. */
  absorb(scan: RangeScan): void {
    const base = this.lineNo;
    for (const s of scan.sample) {
      if (this.sample.length >= this.sampleSize) break;
      this.sample.push({ line: base + s.line, reason: s.reason });
    }
    this.lineNo += scan.lines;
    this.sieved += scan.sieved;
    this.counts.lines += scan.counts.lines;
    this.counts.parsed += scan.counts.parsed;
    this.counts.malformed += scan.counts.malformed;
    const { groups } = scan;
    const { strings, numbers } = scan.addressHits;
    let g = 0;
    for (let s = 0, n = 0; s < strings.length; s += ADDRESS_HIT_STRINGS, n += ADDRESS_HIT_NUMBERS) {
      for (const before = numbers[n + 4]; g < before; g++) this.absorbGroup(groups[g]);
      this.roll(
        'ip',
        strings[s],
        strings[s + 1],
        strings[s + 2],
        numbers[n],
        numbers[n + 1],
        numbers[n + 2],
        numbers[n + 3] === 1,
      );
    }
    for (; g < groups.length; g++) this.absorbGroup(groups[g]);
  }

  /** A worker's group of lines naming one user: rolled up as its lines one by one would be. */
  private absorbGroup(g: UsageRollup): void {
    this.counts.matched += g.requests;
    // an erased user's lines count for the tool under no one, and no lease is asked (as roll does)
    const who = this.options.erased?.has(g.identityKind, g.identityValue)
      ? UNKNOWN
      : { kind: g.identityKind, value: g.identityValue };
    const id = this.delta.identity(who.kind, who.value);
    this.delta.merge(id, g);
    this.tally(g.toolId, id.key, g.requests, g.bytesUp + g.bytesDown);
  }

  /** A worker's findings since the last call; its counters start again from zero. */
  takeScan(): RangeScan {
    const scan = {
      lines: this.lineNo,
      counts: this.totals,
      sample: this.sample.splice(0),
      groups: this.groups.drain(),
      addressHits: this.addressHits,
      sieved: this.sieved,
    };
    this.addressHits = noAddressHits();
    this.sieved = 0;
    this.lineNo = 0;
    this.counts.lines = this.counts.parsed = this.counts.malformed = this.counts.matched = 0;
    return scan;
  }

  private roll(
    kind: NetworkIdentityKind,
    value: string,
    toolId: string,
    action: string,
    time: number,
    up: number,
    down: number,
    blocked: boolean,
  ): void {
    this.counts.matched++;
    let who: NetworkIdentity = { kind, value };
    // an erased person's line names no one, and no lease may name them again (a worker's
    // group of such lines is merged the same way)
    if (kind !== 'ip' && this.options.erased?.has(kind, value)) who = UNKNOWN;
    else if (kind === 'ip' && this.options.leases) {
      const personId = this.options.leases.holderAt(who.value, time);
      if (personId !== undefined) who = { kind: 'person', value: personId };
    }
    const id = this.delta.identity(who.kind, who.value);
    this.delta.line(id, toolId, action, time, up, down, blocked);
    this.tally(toolId, id.key, 1, up + down);
  }

  private tally(toolId: string, idKey: string, requests: number, bytes: number): void {
    let t = this.tools.get(toolId);
    if (!t) {
      t = { requests: 0, bytes: 0, ids: new Set() };
      this.tools.set(toolId, t);
    }
    t.requests += requests;
    t.bytes += bytes;
    t.ids.add(idKey);
  }

  /** Roll-ups added since the last drain; the caller commits them with the offset. */
  drain(): UsageRollup[] {
    return this.delta.drain();
  }

  /** This core's matcher and action rules, for a range scanned beside it on its thread. */
  get matching(): { hosts: HostMatchCache; actions?: ActionMatcher } {
    return { hosts: this.options.hosts, actions: this.options.actions };
  }

  /**
   * Buffers for the file's reads that its sieve reads in place (no copy per chunk), for one
   * ingest at a time; undefined without a sieve.
   */
  readBuffers(): Buffer[] | undefined {
    return this.sieve?.readBuffers();
  }

  /** lines the WebAssembly sieve settled without a parser (for benchmarks and tests) */
  get sieveSettled(): number {
    return this.sieved;
  }

  get pendingRollups(): number {
    return this.delta.size;
  }

  /** Lines consumed so far, blank ones included (the line number of the last line). */
  get lineNumber(): number {
    return this.lineNo;
  }

  get totals(): IngestCounts {
    return { ...this.counts };
  }

  get malformedSample(): MalformedSample[] {
    return [...this.sample];
  }

  toolSummary(): Record<string, ToolSummary> {
    const out: Record<string, ToolSummary> = {};
    for (const [tool, t] of [...this.tools].sort(([a], [b]) => a.localeCompare(b))) {
      out[tool] = { requests: t.requests, bytes: t.bytes, identities: t.ids.size };
    }
    return out;
  }

  /** Everything a resumed run needs besides the offset and line number. */
  state(): IngestProgressState {
    const tools: IngestProgressState['tools'] = {};
    for (const [tool, t] of this.tools) {
      tools[tool] = { requests: t.requests, bytes: t.bytes, identities: [...t.ids] };
    }
    return { counts: this.totals, malformedSample: this.malformedSample, tools };
  }
}
