// One parser instance per file: several formats keep header state.
import type { LineParser, NetworkFormat, ParserOptions } from '../network.types';
import { BindQueryParser } from './bind.parser';
import { CloudflareGatewayParser } from './cloudflare.parser';
import { GenericParser } from './generic.parser';
import { PanOsParser } from './panos.parser';
import { Route53ResolverParser } from './route53.parser';
import { SquidCommonParser, SquidNativeParser } from './squid.parser';
import { assertZone } from './time-zone';
import { UmbrellaParser } from './umbrella.parser';
import { W3cParser } from './w3c.parser';
import { WindowsDnsParser } from './windows-dns.parser';
import { ZeekParser } from './zeek.parser';
import { ZscalerParser } from './zscaler.parser';

export function createParser(format: NetworkFormat, options: ParserOptions = {}): LineParser {
  if (options.zone) assertZone(options.zone);
  switch (format) {
    case 'squid':
      return new SquidNativeParser();
    case 'squid-common':
      return new SquidCommonParser();
    case 'zeek':
      return new ZeekParser();
    case 'umbrella-dns':
    case 'umbrella-proxy':
      return new UmbrellaParser(format);
    case 'zscaler':
      return new ZscalerParser(options.zscalerFields, options.zone);
    case 'panos':
      return new PanOsParser(options.zone);
    case 'cloudflare':
      return new CloudflareGatewayParser();
    case 'route53':
      return new Route53ResolverParser();
    case 'w3c':
      return new W3cParser();
    case 'bind':
      return new BindQueryParser(options.zone);
    case 'windows-dns':
      return new WindowsDnsParser(options.zone, options.dateOrder);
    case 'generic-csv':
    case 'generic-json':
      return new GenericParser(format, options);
  }
}
