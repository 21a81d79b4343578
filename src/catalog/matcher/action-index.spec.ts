import type { ActionRule } from '../catalog.types';
import { ActionIndex, compilePathPattern } from './action-index';

const rule = (r: Partial<ActionRule> & Pick<ActionRule, 'action' | 'path'>): ActionRule => ({
  source: 'https://example.com/docs',
  confidence: 'high',
  ...r,
});

describe(compilePathPattern.name, () => {
  it.each([
    ['/backend-api/files', '/backend-api/files', true],
    ['/backend-api/files', '/backend-api/files-and-more', false],
    ['/backend-api/files', '/backend-api/files/123', false],
    ['/files/**', '/files/a/b/raw', true],
    ['/v1beta/models/*', '/v1beta/models/gemini:generateContent', true],
    ['/v1beta/models/*', '/v1beta/models/a/b', false],
    ['/**/StreamGenerate', '/u/1/_/BardChatUi/data/x.StreamGenerate', false],
    ['/**/x.StreamGenerate', '/u/1/_/BardChatUi/data/x.StreamGenerate', true],
    ['/v2/document', '/V2/Document', true],
  ])('should read %s as matching %s: %s', (pattern, path, expected) => {
    expect(compilePathPattern(pattern).test(path)).toBe(expected);
  });

  it('should take regular-expression characters literally', () => {
    expect(compilePathPattern('/a.b(c)').test('/a.b(c)')).toBe(true);
    expect(compilePathPattern('/a.b(c)').test('/aXb(c)')).toBe(false);
  });
});

describe(ActionIndex.name, () => {
  const sut = new ActionIndex();
  sut.add('chatgpt', rule({ action: 'upload', path: '/backend-api/files', method: 'POST' }));
  sut.add('chatgpt', rule({ action: 'upload', host: 'oaiusercontent.com', path: '/files/**' }));
  sut.add('chatgpt', rule({ action: 'chat', path: '/backend-api/**', method: 'POST' }));
  sut.add('claude', rule({ action: 'upload', path: '/api/**', method: 'POST', minBytesUp: 1000 }));

  it('should take the first rule that matches, so the specific one goes first', () => {
    const post = (path: string) =>
      sut.match('chatgpt', { host: 'chatgpt.com', path, method: 'POST' });
    expect(post('/backend-api/files')).toBe('upload');
    expect(post('/backend-api/conversation')).toBe('chat');
  });

  it('should match a rule with a method only when the log carries that method', () => {
    expect(
      sut.match('chatgpt', { host: 'chatgpt.com', path: '/backend-api/files', method: 'GET' }),
    ).toBeUndefined();
    expect(sut.match('chatgpt', { host: 'chatgpt.com', path: '/backend-api/files' })).toBe(
      undefined,
    );
  });

  it('should match a rule with a host on that host and its subdomains only', () => {
    const at = (host: string) =>
      sut.match('chatgpt', { host, path: '/files/1/raw', method: 'PUT' });
    expect(at('sdmntprwestus.oaiusercontent.com')).toBe('upload');
    expect(at('oaiusercontent.com.attacker.example')).toBeUndefined();
    expect(at('chatgpt.com')).toBeUndefined();
  });

  it('should cut the query string off and need the upload size where a rule sets one', () => {
    const req = (bytesUp?: number) =>
      sut.match('claude', { host: 'claude.ai', path: '/api/x?y=1', method: 'POST', bytesUp });
    expect(req(5000)).toBe('upload');
    expect(req(10)).toBeUndefined();
    expect(req(undefined)).toBeUndefined();
  });

  it('should know which tools have action rules', () => {
    expect(sut.has('chatgpt')).toBe(true);
    expect(sut.has('cursor')).toBe(false);
    expect(sut.match('cursor', { host: 'cursor.com', path: '/x' })).toBeUndefined();
  });
});
