import fc from 'fast-check';
import { fuzzOptions } from '../../../common/testing/fuzz';
import { normalizeHost, slowHost } from './parse-utils';

// URL-shaped text from the characters that change how a host is read
const urlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('https://', 'http://', '://', 'a', 'Z', 'openai', '.', '-', '_', ':', '443'),
      fc.constantFrom('/', '?', '#', '@', '[', ']', ' ', '\t', '\u00a0', 'ü', 'com', '-/', '..'),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('normalizeHost', () => {
  it('should read the common URL shapes in one pass', () => {
    expect(normalizeHost('claude.ai/chat')).toBe('claude.ai');
    expect(normalizeHost('https://api.openai.com/v1?x=1')).toBe('api.openai.com');
    expect(normalizeHost('chatgpt.com:443')).toBe('chatgpt.com');
    expect(normalizeHost('-/path')).toBe('-');
    expect(normalizeHost('a/b://c')).toBe('c');
    expect(normalizeHost('HTTPS://User@Claude.AI.:443/')).toBe('claude.ai');
  });

  it('should agree with its full rules on any URL-shaped text', () => {
    fc.assert(
      fc.property(urlish, (raw) => {
        expect(normalizeHost(raw)).toBe(raw === '' ? undefined : slowHost(raw));
      }),
      fuzzOptions(3000),
    );
  });
});
