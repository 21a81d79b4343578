// AWS Route 53 (VPC) Resolver query logs, one JSON object per line.
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { identityFrom, malformed, normalizeHost, parseTimestamp } from './parse-utils';

export class Route53ResolverParser implements LineParser {
  readonly format: NetworkFormat = 'route53';

  parse(line: string): ParseOutcome {
    const text = line.trim();
    if (text === '') return null;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return malformed('invalid JSON');
    }
    const time = parseTimestamp(
      typeof o.query_timestamp === 'string' ? o.query_timestamp : undefined,
    );
    if (time === undefined) return malformed('query_timestamp is missing or not ISO-8601');
    const host = normalizeHost(typeof o.query_name === 'string' ? o.query_name : undefined);
    if (!host) return malformed('query_name is empty');
    const ip = typeof o.srcaddr === 'string' ? o.srcaddr : undefined;
    return {
      time,
      sourceIp: ip,
      identity: identityFrom(undefined, ip),
      host,
      blocked: o.firewall_rule_action === 'BLOCK',
    };
  }
}
