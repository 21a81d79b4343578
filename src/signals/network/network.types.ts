// Shared shapes of the network-log signal: what a parser yields and how it is configured.
import type { IdentityKind } from '../../people/identity/identity-kinds';
import type { HostLookup, HotHit } from './parsers/host-lookup';
import type { ZeekColumns } from './parsers/zeek.scan';
import type { ZscalerColumns } from './parsers/zscaler.scan';

export const NETWORK_FORMATS = [
  'squid',
  'squid-common',
  'zeek',
  'umbrella-dns',
  'umbrella-proxy',
  'zscaler',
  'panos',
  'cloudflare',
  'route53',
  'w3c',
  'bind',
  'windows-dns',
  'generic-csv',
  'generic-json',
] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** What a log line names (a user, a mail address, an address) or, through a lease, a person. */
export type NetworkIdentityKind = Extract<IdentityKind, 'username' | 'email' | 'ip' | 'person'>;

export interface NetworkIdentity {
  kind: NetworkIdentityKind;
  value: string;
}

/** One log line, normalised: time in epoch ms UTC, host lower case without port or trailing dot, IDN as punycode. */
export interface NetworkRecord {
  time: number;
  identity?: NetworkIdentity;
  sourceIp?: string;
  host: string;
  bytesUp?: number;
  bytesDown?: number;
  blocked: boolean;
  /** HTTP method, where the format logs it (proxy formats) */
  method?: string;
  /** URL path from the first `/`, query string and fragment cut off, where the format logs the URL */
  path?: string;
}

export interface MalformedLine {
  malformed: string;
}

/** null: a line that carries no request (header, directive, comment, a log type we ignore). */
export type ParseOutcome = NetworkRecord | MalformedLine | null;

export function isMalformed(outcome: ParseOutcome): outcome is MalformedLine {
  return outcome !== null && 'malformed' in outcome;
}

/** Which column (name or 0-based index) holds what, for the generic CSV/JSON mapping and Zscaler feeds. */
export interface FieldMapping {
  time: string;
  user?: string;
  sourceIp?: string;
  /** a host column, or a URL column the host is taken from */
  host?: string;
  url?: string;
  bytesUp?: string;
  bytesDown?: string;
  /** a column whose value marks a blocked request when it matches blockedPattern */
  action?: string;
  blockedPattern?: string;
}

export interface ParserOptions {
  /** IANA zone for formats that log local time (PAN-OS, BIND, Windows DNS, Zscaler text time) */
  zone?: string;
  /** Windows DNS: 'us' (M/d/yyyy h:mm:ss AM) or 'eu' (dd/MM/yyyy HH:mm:ss); detected when absent */
  dateOrder?: 'us' | 'eu';
  /** Zscaler tab/CSV: the feed's configured field names in order */
  zscalerFields?: string[];
  /** generic CSV/JSON */
  mapping?: FieldMapping;
  /** generic CSV: the header line, when the file has none */
  csvHeader?: string[];
}

/** A parser for one file. Stateful parsers (Zeek #fields, W3C #Fields) keep their header here. */
export interface LineParser {
  readonly format: NetworkFormat;
  parse(line: string): ParseOutcome;
  /**
   * The hot path, where a format has one: a look at the line's bytes that answers true only for
   * a well-formed line whose host is no tool (ingest counts it parsed and skips parse()). Any
   * other line, tool hits and malformed ones included, is left to parse().
   */
  prescan?(buf: Buffer, start: number, end: number, hosts: HostLookup): boolean;
  /**
   * The columns the WebAssembly line sieve reads lines by, for the current header; undefined
   * when it cannot (the lines then go through prescan and parse one by one). The same object
   * for as long as the columns stay the same.
   */
  sieveShape?(): SieveShape | undefined;
  /**
   * A tool hit read on bytes, where a format has a way: true when the line is a well-formed
   * request to a tool, with `hit` filled exactly as parse() and the matcher would have it (method
   * and path as byte ranges). false for any other line: parse() then reads it. `cuts`: the line's
   * separators as the sieve found them, where it did (the reader need not cut the line again).
   */
  scanTool?(
    buf: Buffer,
    start: number,
    end: number,
    hosts: HostLookup,
    hit: HotHit,
    cuts?: FieldCuts,
  ): boolean;
}

/**
 * A line's field separators as the sieve found them (outside quotes, where the format quotes):
 * `count` in all, the first at.length of them in `at`, where at[k] + offset is a position in the
 * buffer.
 */
export interface FieldCuts {
  count: number;
  at: Uint32Array;
  offset: number;
}

/** What the line sieve needs to know of a format's columns (see sieve/line-sieve.ts). */
export type SieveShape = { kind: 'squid' } | { kind: 'umbrella' } | ZeekColumns | ZscalerColumns;
