// For the specs of the byte-level tool-hit readers: a line a reader takes must read as parse()
// and the matcher read it, field by field (the method and path from their byte ranges).
import { emptyHotHit, type HostLookup, type HotHit } from '../parsers/host-lookup';
import type { HostMatchCache } from '../ingest/host-match-cache';
import { isMalformed, type LineParser } from '../network.types';

export interface HitTally {
  /** lines parse() reads as a request to a tool */
  tools: number;
  /** lines the byte reader took */
  taken: number;
}

type ScanTool = (buf: Buffer, s: number, e: number, hosts: HostLookup, hit: HotHit) => boolean;

/** Reads the line both ways and throws where the byte reader takes it and reads it otherwise. */
export function checkHit(
  text: string,
  parser: LineParser,
  scanTool: ScanTool,
  hosts: HostMatchCache,
  tally: HitTally,
): void {
  const buf = Buffer.from(text, 'utf8');
  const hit = emptyHotHit();
  const outcome = parser.parse(text);
  const toolId = outcome && !isMalformed(outcome) ? hosts.matchHost(outcome.host) : null;
  if (toolId !== null) tally.tools++;
  if (!scanTool(buf, 0, buf.length, hosts, hit)) return;
  tally.taken++;
  if (!outcome || isMalformed(outcome)) throw new Error(`taken, but no record: ${text}`);
  const str = (s: number, e: number): string | undefined =>
    e > s ? buf.toString('utf8', s, e) : undefined;
  const read = {
    text,
    toolId: hit.toolId,
    time: hit.time,
    identity: hit.identity,
    bytesUp: hit.bytesUp,
    bytesDown: hit.bytesDown,
    blocked: hit.blocked,
    path: str(hit.pathStart, hit.pathEnd),
    method: str(hit.methodStart, hit.methodEnd),
  };
  const parsed = {
    text,
    toolId,
    time: outcome.time,
    identity: outcome.identity,
    bytesUp: outcome.bytesUp,
    bytesDown: outcome.bytesDown,
    blocked: outcome.blocked,
    path: outcome.path,
    method: outcome.method,
  };
  if (JSON.stringify(read) !== JSON.stringify(parsed))
    throw new Error(`read on bytes: ${JSON.stringify(read)}\nparsed: ${JSON.stringify(parsed)}`);
}
