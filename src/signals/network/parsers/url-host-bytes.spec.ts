import { normalizeHost } from './parse-utils';
import { urlHost, type ByteSpan } from './url-host-bytes';

const span: ByteSpan = { start: 0, end: 0 };

function host(raw: string): string | false {
  const buf = Buffer.from(`x${raw}y`, 'utf8');
  return urlHost(buf, 1, buf.length - 1, span) && buf.toString('latin1', span.start, span.end);
}

describe('urlHost', () => {
  it.each([
    'https://chatgpt.com/backend-api/conversation',
    'api.openai.com/v1/chat/completions',
    'HTTPS://API.Anthropic.com:443/v1?x=1',
    'claude.ai.',
    'https://user:pw@notopenai.com/x',
    'openai.com.evil.net',
    'https://example.com/?next=https://openai.com/',
    'http://10.1.2.3:8080/openai.com',
    '.leading.dots.example',
    'perplexity.ai#frag',
    'a_b.example.com',
  ])('should find what normalizeHost finds in %s', (raw) => {
    const got = host(raw);
    expect(got && got.toLowerCase()).toBe(normalizeHost(raw));
  });

  it.each([
    '',
    '-',
    ' padded.example',
    'https://[2001:db8::1]/x',
    '2001:db8::1',
    'bücher.example',
    'a%20b.example',
    '...',
  ])('should leave %j to the full parser', (raw) => expect(host(raw)).toBe(false));
});
