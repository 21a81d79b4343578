// For the specs of the byte-level prescans: a prescan may only settle lines the full parser reads
// as well-formed and matches to no tool, and an ingest with it must equal one without it.
import { loadBuiltinCatalog } from '../../../catalog/catalog-loader';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { HostMatchCache } from '../ingest/host-match-cache';
import { LogIngestCore } from '../ingest/log-ingest-core';
import { isMalformed, type LineParser } from '../network.types';

let matcher: CatalogMatcher | undefined;

/** The built-in catalog's matcher (its action rules too), built once. */
export function catalogMatcher(): CatalogMatcher {
  matcher ??= CatalogMatcher.fromTools(loadBuiltinCatalog());
  return matcher;
}

export function catalogHosts(): HostMatchCache {
  return new HostMatchCache(catalogMatcher());
}

export interface PrescanTally {
  /** lines the prescan settled (valid, no tool) */
  settled: number;
  /** lines it left to the parser */
  left: number;
  /** lines it settled that the parser reads otherwise, with what the parser says */
  wrong: string[];
}

/** Runs prescan and parse over every line (in order: parse keeps header state) and compares. */
export function checkPrescan(parser: LineParser, lines: readonly string[]): PrescanTally {
  const hosts = catalogHosts();
  const tally: PrescanTally = { settled: 0, left: 0, wrong: [] };
  for (const line of lines) {
    const buf = Buffer.from(line, 'utf8');
    const settled = parser.prescan?.(buf, 0, buf.length, hosts) ?? false;
    const outcome = parser.parse(line);
    if (!settled) {
      tally.left++;
      continue;
    }
    tally.settled++;
    if (outcome === null) tally.wrong.push(`${line} → no record`);
    else if (isMalformed(outcome)) tally.wrong.push(`${line} → malformed: ${outcome.malformed}`);
    else if (hosts.matchHost(outcome.host) !== null)
      tally.wrong.push(`${line} → tool ${hosts.matchHost(outcome.host)}`);
  }
  return tally;
}

/** What an ingest of the text finds: counts, samples and roll-ups. */
export function ingestText(parser: LineParser, text: string): unknown {
  const matcherless = new LogIngestCore({ parser, hosts: catalogHosts(), actions: matcher });
  const buf = Buffer.from(text, 'utf8');
  const rest = matcherless.pushChunk(buf, 0, buf.length);
  matcherless.pushLastLine(buf, rest, buf.length);
  return {
    totals: matcherless.totals,
    sample: matcherless.malformedSample,
    rollups: matcherless.drain().sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

/** The parser without its prescan: every line through parse(). */
export function withoutPrescan(parser: LineParser): LineParser {
  return { format: parser.format, parse: (line) => parser.parse(line) };
}
