// Palo Alto PAN-OS syslog CSV: TRAFFIC and THREAT (url) logs, keyed on the type field; field
// counts grow with each release, so only the documented leading positions are read.
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { splitCsvLine } from './csv-line';
import { identityFrom, malformed, normalizeHost, parseCount } from './parse-utils';
import { zonedToUtc } from './time-zone';

const CSV_START = /(?:^|\s)(?=[^\s,]*,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},)/;
const PAN_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ALLOWED_ACTIONS = new Set(['allow', 'alert', 'continue', 'override']);

export class PanOsParser implements LineParser {
  readonly format: NetworkFormat = 'panos';

  constructor(private readonly zone: string | undefined) {}

  parse(line: string): ParseOutcome {
    if (line.trim() === '') return null;
    const start = CSV_START.exec(line);
    if (!start) return malformed('no PAN-OS CSV record (receive time) found');
    const f = splitCsvLine(line.slice(start.index + start[0].length));
    if (!f) return malformed('unbalanced quotes');
    const type = f[3];
    if (type !== 'TRAFFIC' && type !== 'THREAT') return null; // SYSTEM, CONFIG, HIP-MATCH …
    if (f.length < 34)
      return malformed(`expected at least 34 fields for ${type}, found ${f.length}`);
    const m = PAN_TIME.exec(f[6] || f[1]);
    if (!m) return malformed(`generated time "${f[6]}" is not YYYY/MM/DD HH:MM:SS`);
    const time = zonedToUtc(this.zone, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6]);
    const src = f[7];
    const action = f[30].toLowerCase();
    const base = {
      time,
      sourceIp: src,
      identity: identityFrom(f[12], src),
      blocked: !ALLOWED_ACTIONS.has(action),
    };
    if (type === 'THREAT') {
      const host = normalizeHost(f[31]) ?? normalizeHost(f[8]);
      if (!host) return malformed('field 32 (URL) and destination are empty');
      return { ...base, host };
    }
    const host = normalizeHost(f[8]);
    if (!host) return malformed('field 9 (destination) is empty');
    return { ...base, host, bytesUp: parseCount(f[32]), bytesDown: parseCount(f[33]) };
  }
}
