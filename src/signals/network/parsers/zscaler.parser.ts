// Zscaler ZIA NSS web feeds: tab or CSV in the admin's configured field order, or JSON.
import type { LineParser, NetworkFormat, NetworkRecord, ParseOutcome } from '../network.types';
import { CsvCells } from './csv-line';
import type { HostLookup, HotHit } from './host-lookup';
import { scanZscalerTool, zscalerHitColumns, type ZscalerHitColumns } from './zscaler.hit';
import { zscalerColumns, zscalerNoTool, type ZscalerColumns } from './zscaler.scan';
import {
  identityFrom,
  malformed,
  normalizeHost,
  parseCount,
  parseTimestamp,
  trimmed,
  urlPath,
} from './parse-utils';
import { MONTHS, zonedToUtc } from './time-zone';

/** the digit at i, NaN for any other character */
const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/** Zscaler's documented 35-field example order, used when no feed format is configured. */
export const ZSCALER_DEFAULT_FIELDS = [
  'time', 'login', 'proto', 'eurl', 'action', 'appname', 'appclass', 'reqsize', 'respsize',
  'urlclass', 'urlsupercat', 'urlcat', 'malwarecat', 'threatname', 'riskscore', 'dlpeng',
  'dlpdict', 'location', 'dept', 'cip', 'sip', 'reqmethod', 'respcode', 'ua', 'ereferer',
  'ruletype', 'rulelabel', 'contenttype', 'unscannabletype', 'deviceowner', 'devicehostname',
  'keyprotectiontype', 'filetype', 'filename', 'epochtime',
]; // prettier-ignore

const TEXT_TIME = /^(?:\w{3} )?(\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/** the fields a record is built from, in the order of `values` */
const NAMED = [
  'epochtime', 'time', 'eurl', 'url', 'hostname', 'host', 'cip', 'login', 'user', 'reqmethod',
  'reqsize', 'respsize', 'action',
] as const; // prettier-ignore
const enum V {
  epoch, time, eurl, url, hostname, host, cip, login, user, method, reqsize, respsize, action,
} // prettier-ignore

export class ZscalerParser implements LineParser {
  readonly format: NetworkFormat = 'zscaler';
  private readonly fields: string[];
  private readonly columns: ZscalerColumns;
  private readonly hitColumns: ZscalerHitColumns;
  /** per NAMED field, its column in the feed (-1: the feed has none) */
  private readonly named: number[];
  /** the NAMED fields of the line being read */
  private readonly values: (string | undefined)[] = NAMED.map(() => undefined);
  private readonly csv = new CsvCells();
  /** where a tab line's cells end (the last ends at the line's end) */
  private readonly tabs: Int32Array;
  /** the last text time read and its instant: a feed writes many lines per second */
  private lastText = '';
  private lastTime: number | undefined;

  constructor(
    fields: string[] | undefined,
    private readonly zone: string | undefined,
  ) {
    this.fields = fields?.length ? fields : ZSCALER_DEFAULT_FIELDS;
    this.columns = zscalerColumns(this.fields);
    this.hitColumns = zscalerHitColumns(this.fields);
    // the first of a repeated name wins
    this.named = NAMED.map((k) => this.fields.indexOf(k));
    this.tabs = new Int32Array(this.fields.length);
  }

  prescan(buf: Buffer, start: number, end: number, hosts: HostLookup): boolean {
    return zscalerNoTool(buf, start, end, this.columns, hosts);
  }

  sieveShape(): ZscalerColumns | undefined {
    return this.columns.host < 0 ? undefined : this.columns;
  }

  scanTool(buf: Buffer, start: number, end: number, hosts: HostLookup, hit: HotHit): boolean {
    return scanZscalerTool(buf, start, end, this.hitColumns, this.zone, hosts, hit);
  }

  parse(line: string): ParseOutcome {
    const text = trimmed(line);
    if (text === '') return null;
    const v = this.values;
    if (text.startsWith('{')) {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return malformed('invalid JSON');
      }
      // SIEM presets wrap the record: {"sourcetype": "...", "event": {...}}
      const ev = (typeof o.event === 'object' && o.event !== null ? o.event : o) as Record<
        string,
        unknown
      >;
      for (let k = 0; k < NAMED.length; k++) {
        const x = ev[NAMED[k]];
        v[k] = x === undefined || x === null ? undefined : String(x);
      }
    } else {
      const bad = text.includes('\t') ? this.readTabs(text) : this.readCsv(text);
      if (bad !== undefined) return bad;
    }
    const time = this.time(v[V.epoch], v[V.time]);
    if (time === undefined) return malformed(`time "${v[V.time] ?? ''}" is not a time`);
    const url = v[V.eurl] ?? v[V.url];
    const host = normalizeHost(url ?? v[V.hostname] ?? v[V.host]);
    if (!host) return malformed('eurl has no host');
    const cip = v[V.cip];
    const login = v[V.login] ?? v[V.user];
    const path = urlPath(url);
    const method = v[V.method];
    // one object literal, optional keys added after: spreads in a literal make a slow object
    const record: NetworkRecord = {
      time,
      sourceIp: cip,
      identity: identityFrom(login === 'NA' ? undefined : login, cip), // NA: unauthenticated
      host,
      bytesUp: parseCount(v[V.reqsize]),
      bytesDown: parseCount(v[V.respsize]),
      blocked: /block/i.test(v[V.action] ?? ''),
    };
    if (path) record.path = path;
    if (method && method !== 'NA') record.method = method;
    return record;
  }

  /**
   * A tab line's NAMED cells into `values` (only those become strings); the line's outcome when
   * it is no record (too few cells, or null for a header row).
   */
  private readTabs(text: string): ParseOutcome | undefined {
    const ends = this.tabs;
    const want = ends.length;
    let cells = 0;
    for (let p = 0; cells < want;) {
      const t = text.indexOf('\t', p);
      ends[cells++] = t < 0 ? text.length : t;
      if (t < 0) break;
      p = t + 1;
    }
    if (cells < want) return malformed(`expected ${want} fields, found ${cells}`);
    if (text.slice(0, ends[0]) === this.fields[0]) return null; // a header row
    const named = this.named;
    for (let k = 0; k < named.length; k++) {
      const i = named[k];
      this.values[k] = i < 0 ? undefined : text.slice(i === 0 ? 0 : ends[i - 1] + 1, ends[i]);
    }
    return undefined;
  }

  /** As readTabs, for a CSV line. */
  private readCsv(text: string): ParseOutcome | undefined {
    const csv = this.csv;
    if (!csv.read(text)) return malformed('unbalanced quotes');
    if (csv.count < this.fields.length) {
      return malformed(`expected ${this.fields.length} fields, found ${csv.count}`);
    }
    if (csv.get(0) === this.fields[0]) return null; // a header row
    const named = this.named;
    for (let k = 0; k < named.length; k++) this.values[k] = csv.get(named[k]);
    return undefined;
  }

  private time(epoch: string | undefined, text: string | undefined): number | undefined {
    if (epoch && epoch !== '-' && epoch !== 'NA') return parseTimestamp(epoch);
    if (!text) return undefined;
    if (text === this.lastText) return this.lastTime;
    this.lastTime = this.textTime(text);
    this.lastText = text;
    return this.lastTime;
  }

  private textTime(text: string): number | undefined {
    const plain = this.plainTextTime(text);
    if (plain !== undefined) return plain;
    const m = TEXT_TIME.exec(text.trim());
    if (!m) return parseTimestamp(text);
    const month = MONTHS[m[1].toLowerCase()];
    if (!month) return undefined;
    return zonedToUtc(this.zone, +m[6], month, +m[2], +m[3], +m[4], +m[5]);
  }

  /**
   * `Www Mmm DD HH:MM:SS YYYY` as NSS writes it (day padded with a zero or a space) without the
   * regex; undefined for anything else, which TEXT_TIME reads as before.
   */
  private plainTextTime(t: string): number | undefined {
    if (t.length !== 24 || t.charCodeAt(3) !== 32 || t.charCodeAt(7) !== 32) return undefined;
    if (t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58)
      return undefined;
    if (t.charCodeAt(19) !== 32) return undefined;
    const month = MONTHS[t.slice(4, 7).toLowerCase()];
    const d1 = t.charCodeAt(8) === 32 ? 0 : digit(t, 8);
    const d2 = digit(t, 9);
    const hh = digit(t, 11) * 10 + digit(t, 12);
    const mm = digit(t, 14) * 10 + digit(t, 15);
    const ss = digit(t, 17) * 10 + digit(t, 18);
    const year = digit(t, 20) * 1000 + digit(t, 21) * 100 + digit(t, 22) * 10 + digit(t, 23);
    // a letter, digit or _ before the month, as \w{3} has it; NaN anywhere fails the test below
    if (!month || !/^\w{3}$/.test(t.slice(0, 3)) || !(d1 * d2 * hh * mm * ss * year >= 0))
      return undefined;
    return zonedToUtc(this.zone, year, month, d1 * 10 + d2, hh, mm, ss);
  }
}
