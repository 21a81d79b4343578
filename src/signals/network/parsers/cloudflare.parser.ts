// Cloudflare Gateway DNS and HTTP Logpush NDJSON; Datetime as RFC3339, unix seconds or unix nanos.
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { identityFrom, malformed, normalizeHost, parseTimestamp } from './parse-utils';

export class CloudflareGatewayParser implements LineParser {
  readonly format: NetworkFormat = 'cloudflare';

  parse(line: string): ParseOutcome {
    const text = line.trim();
    if (text === '') return null;
    let o: Record<string, unknown>;
    try {
      // nanosecond integers exceed 2^53; keep their digits by quoting them before JSON.parse
      o = JSON.parse(text.replace(/("Datetime"\s*:\s*)(\d{16,})/, '$1"$2"')) as Record<
        string,
        unknown
      >;
    } catch {
      return malformed('invalid JSON');
    }
    const str = (k: string): string | undefined =>
      typeof o[k] === 'string' || typeof o[k] === 'number' ? String(o[k]) : undefined;
    const time = parseTimestamp(str('Datetime'));
    if (time === undefined) return malformed(`Datetime "${str('Datetime') ?? ''}" is not a time`);
    const isDns = 'QueryName' in o;
    const host = isDns
      ? normalizeHost(str('QueryName'))
      : (normalizeHost(str('HTTPHost')) ?? normalizeHost(str('URL')));
    if (!host) return malformed(isDns ? 'QueryName is empty' : 'HTTPHost and URL are empty');
    const ip = str('SrcIP') ?? str('SourceInternalIP') ?? str('SourceIP');
    const decision = (isDns ? str('ResolverDecision') : str('Action')) ?? '';
    return {
      time,
      sourceIp: ip,
      identity: identityFrom(str('Email'), ip),
      host,
      blocked: /block/i.test(decision),
    };
  }
}
