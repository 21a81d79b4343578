// Zscaler ZIA NSS web feeds: tab or CSV in the admin's configured field order, or JSON.
import type { LineParser, NetworkFormat, NetworkRecord, ParseOutcome } from '../network.types';
import { splitCsvLine } from './csv-line';
import type { HostLookup } from './host-lookup';
import { zscalerColumns, zscalerNoTool, type ZscalerColumns } from './zscaler.scan';
import {
  identityFrom,
  malformed,
  normalizeHost,
  parseCount,
  parseTimestamp,
  urlPath,
} from './parse-utils';
import { MONTHS, zonedToUtc } from './time-zone';

/** Zscaler's documented 35-field example order, used when no feed format is configured. */
export const ZSCALER_DEFAULT_FIELDS = [
  'time', 'login', 'proto', 'eurl', 'action', 'appname', 'appclass', 'reqsize', 'respsize',
  'urlclass', 'urlsupercat', 'urlcat', 'malwarecat', 'threatname', 'riskscore', 'dlpeng',
  'dlpdict', 'location', 'dept', 'cip', 'sip', 'reqmethod', 'respcode', 'ua', 'ereferer',
  'ruletype', 'rulelabel', 'contenttype', 'unscannabletype', 'deviceowner', 'devicehostname',
  'keyprotectiontype', 'filetype', 'filename', 'epochtime',
]; // prettier-ignore

const TEXT_TIME = /^(?:\w{3} )?(\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

export class ZscalerParser implements LineParser {
  readonly format: NetworkFormat = 'zscaler';
  private readonly fields: string[];
  private readonly columns: ZscalerColumns;
  private readonly fieldIndex: Map<string, number>;
  /** the last text time read and its instant: a feed writes many lines per second */
  private lastText = '';
  private lastTime: number | undefined;

  constructor(
    fields: string[] | undefined,
    private readonly zone: string | undefined,
  ) {
    this.fields = fields?.length ? fields : ZSCALER_DEFAULT_FIELDS;
    this.columns = zscalerColumns(this.fields);
    // the first of a repeated name wins, as indexOf would have it
    this.fieldIndex = new Map(this.fields.map((f, i) => [f, i] as const).reverse());
  }

  prescan(buf: Buffer, start: number, end: number, hosts: HostLookup): boolean {
    return zscalerNoTool(buf, start, end, this.columns, hosts);
  }

  sieveShape(): ZscalerColumns | undefined {
    return this.columns.host < 0 ? undefined : this.columns;
  }

  parse(line: string): ParseOutcome {
    const text = line.trim();
    if (text === '') return null;
    let get: (k: string) => string | undefined;
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
      get = (k) => {
        const v = ev[k];
        return v === undefined || v === null ? undefined : String(v);
      };
    } else {
      const cells = text.includes('\t') ? text.split('\t') : splitCsvLine(text);
      if (!cells) return malformed('unbalanced quotes');
      if (cells.length < this.fields.length) {
        return malformed(`expected ${this.fields.length} fields, found ${cells.length}`);
      }
      if (cells[0] === this.fields[0]) return null; // a header row
      get = (k) => {
        const i = this.fieldIndex.get(k);
        return i === undefined ? undefined : cells[i];
      };
    }
    const time = this.time(get('epochtime'), get('time'));
    if (time === undefined) return malformed(`time "${get('time') ?? ''}" is not a time`);
    const host = normalizeHost(get('eurl') ?? get('url') ?? get('hostname') ?? get('host'));
    if (!host) return malformed('eurl has no host');
    const cip = get('cip');
    const login = get('login') ?? get('user');
    const path = urlPath(get('eurl') ?? get('url'));
    const method = get('reqmethod');
    // one object literal, optional keys added after: spreads in a literal make a slow object
    const record: NetworkRecord = {
      time,
      sourceIp: cip,
      identity: identityFrom(login === 'NA' ? undefined : login, cip), // NA: unauthenticated
      host,
      bytesUp: parseCount(get('reqsize')),
      bytesDown: parseCount(get('respsize')),
      blocked: /block/i.test(get('action') ?? ''),
    };
    if (path) record.path = path;
    if (method && method !== 'NA') record.method = method;
    return record;
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
    const m = TEXT_TIME.exec(text.trim());
    if (!m) return parseTimestamp(text);
    const month = MONTHS[m[1].toLowerCase()];
    if (!month) return undefined;
    return zonedToUtc(this.zone, +m[6], month, +m[2], +m[3], +m[4], +m[5]);
  }
}
