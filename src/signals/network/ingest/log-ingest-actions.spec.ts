// Per-action roll-ups (issue #15): the catalog's action rules read the URL path, method and
// upload size where the log format carries them; the action stays in the roll-up key.
import { loadBuiltinCatalog } from '../../../catalog/catalog-loader';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { createParser } from '../parsers/parser-factory';
import { HostMatchCache } from './host-match-cache';
import { LogIngestCore } from './log-ingest-core';

const catalog = CatalogMatcher.fromTools(loadBuiltinCatalog());

function ingest(parser: ConstructorParameters<typeof LogIngestCore>[0]['parser'], lines: string[]) {
  const sut = new LogIngestCore({ parser, hosts: new HostMatchCache(catalog), actions: catalog });
  const buf = Buffer.from(lines.join('\n') + '\n');
  sut.pushChunk(buf, 0, buf.length);
  return sut
    .drain()
    .map((r) => `${r.identityValue} ${r.toolId} ${r.action || '-'} ${r.requests}`)
    .sort();
}

const squid = (s: number, user: string, method: string, url: string) =>
  `${1795500000 + s}.000 120 10.0.0.5 TCP_MISS/200 900 ${method} ${url} ${user} HIER_DIRECT/1.2.3.4 application/json`;

describe('per-action roll-ups', () => {
  it('should tell upload from chat in a Squid log with full URLs, on the byte-level path', () => {
    const lines = [
      squid(0, 'alice', 'POST', 'https://chatgpt.com/backend-api/files'),
      squid(1, 'alice', 'PUT', 'https://x.oaiusercontent.com/files/1/raw?sig=1'),
      squid(2, 'alice', 'POST', 'https://chatgpt.com/backend-api/conversation'),
      squid(3, 'alice', 'GET', 'https://chatgpt.com/'),
      // TLS without inspection: a CONNECT names the host only, so no action can be told
      squid(4, 'bob', 'CONNECT', 'chatgpt.com:443'),
      // a tool without action rules keeps its plain roll-up
      squid(5, 'bob', 'POST', 'https://cursor.com/api/x'),
    ];
    expect(ingest('squid-native', lines)).toEqual([
      'alice chatgpt - 1',
      'alice chatgpt chat 1',
      'alice chatgpt upload 2',
      'bob chatgpt - 1',
      'bob cursor - 1',
    ]);
  });

  it('should read Zscaler NSS eurl, reqmethod and reqsize: a DeepL document upload and a text translation', () => {
    const fields = ['time', 'login', 'eurl', 'reqmethod', 'reqsize', 'respsize', 'action'];
    const parser = createParser('zscaler', { zscalerFields: fields, zone: 'UTC' });
    const row = (login: string, eurl: string, method: string, size: number) =>
      ['Tue Nov 24 10:00:00 2026', login, eurl, method, String(size), '100', 'Allowed'].join('\t');
    expect(
      ingest(parser, [
        row('carol@corp.example', 'api.deepl.com/v2/document', 'POST', 250_000),
        row('carol@corp.example', 'api.deepl.com/v2/translate', 'POST', 300),
        row('dave@corp.example', 'claude.ai/api/organizations/o/upload', 'POST', 4_000_000),
        row(
          'dave@corp.example',
          'claude.ai/api/organizations/o/chat_conversations/c/completion',
          'POST',
          800,
        ),
      ]),
    ).toEqual([
      'carol@corp.example deepl document-translation 1',
      'carol@corp.example deepl translation 1',
      'dave@corp.example claude chat 1',
      'dave@corp.example claude upload 1',
    ]);
  });

  it('should leave logs without paths (DNS) as they were', () => {
    const parser = createParser('umbrella-dns', {});
    const line =
      '"2026-11-24 09:00:00","jane@corp.example","jane@corp.example","10.2.0.15","198.51.100.7","Allowed","1 (A)","NOERROR","chatgpt.com.","Generative AI"';
    expect(ingest(parser, [line])).toEqual(['jane@corp.example chatgpt - 1']);
  });
});
