import type { ActionRule } from '../catalog.types';
import { loadBuiltinCatalog } from '../catalog-loader';
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

describe('ActionIndex.matchBytes', () => {
  // every action rule the built-in catalog has, and lookalikes of the rules' own paths
  const sut = new ActionIndex();
  const tools = loadBuiltinCatalog().filter((t) => (t.rules.actions ?? []).length > 0);
  for (const t of tools) for (const r of t.rules.actions ?? []) sut.add(t.id, r);
  sut.add('odd', rule({ action: 'chat', path: '/caf\u00e9/**', method: 'POST' }));
  sut.add('odd', rule({ action: 'upload', path: '/a/*/b', host: 'x.example' }));

  /** a request as a log line's bytes, with the ranges matchBytes reads */
  function onBytes(host: string, path: string, method: string) {
    const buf = Buffer.from(`${host} ${path} ${method}`, 'utf8');
    const hostEnd = Buffer.byteLength(host);
    const pathEnd = hostEnd + 1 + Buffer.byteLength(path);
    const bytes = {
      hostStart: 0,
      hostEnd,
      pathStart: hostEnd + 1,
      pathEnd,
      methodStart: pathEnd + 1,
      methodEnd: buf.length,
    };
    return { buf, bytes };
  }

  it('should answer as match() wherever it answers, and answer most requests', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
    const ownHosts = (t: (typeof tools)[number]): string[] => [
      ...(t.rules.domains ?? []).filter((d) => !d.includes('*')),
      ...(t.rules.actions ?? []).flatMap((r) =>
        r.host ? [r.host, `cdn.${r.host}`, `evil${r.host}`, r.host.toUpperCase()] : [],
      ),
    ];
    const odd = ['x.example', 'a.x.example', 'x.example.evil', 'notx.example', 'X.EXAMPLE'];
    const mutate = (path: string): string => {
      let p = path
        .replace(/\*\*/g, pick(['', 'a/b', 'x', 'deep/er/one']))
        .replace(/\*/g, pick(['', 'id-1', 'a/b']));
      switch (rand(8)) {
        case 0:
          p = p.toUpperCase();
          break;
        case 1:
          p += pick(['?x=1', '#top', '/', 's', '?', '#']);
          break;
        case 2:
          p = p.slice(0, rand(p.length + 1));
          break;
        case 3:
          p = p.replace('/', pick(['/\u00e9', '//', '/%2F']));
          break;
      }
      return p;
    };
    let answered = 0;
    const runs = 30_000;
    for (let i = 0; i < runs; i++) {
      // mostly a tool's own hosts and paths, so that its rules are put to the test
      const t = rand(10) === 0 ? undefined : pick(tools);
      const tool = t ? t.id : pick(['odd', 'none']);
      const host = t ? pick(ownHosts(t)) : pick(odd);
      const rules = t ? (t.rules.actions ?? []).map((r) => r.path) : ['/caf\u00e9/**', '/a/*/b'];
      const path = mutate(pick([...rules, '/caf\u00e9/x', '/a/q/b', '/']));
      const method = pick(['POST', 'post', 'GET', '', 'PUT', 'P\u00d6ST']);
      const bytesUp = pick([undefined, 0, 999_999, 1_000_000, 5_000_000]);
      const { buf, bytes } = onBytes(host, path, method);
      const fast = sut.matchBytes(tool, buf, bytes, bytesUp);
      const slow = sut.match(tool, { host, path, method, bytesUp });
      if (fast === null) continue;
      answered++;
      if (fast !== slow)
        throw new Error(`${tool} ${host} ${path} ${method} ${bytesUp}: ${fast} vs ${slow}`);
    }
    expect(answered / runs).toBeGreaterThan(0.6);
  });

  it('should name the action of a literal path without strings, and leave wildcards to them', () => {
    const at = (path: string, method = 'POST') => {
      const { buf, bytes } = onBytes('api.openai.com', path, method);
      return sut.matchBytes('openai-api', buf, bytes, 10);
    };
    expect(at('/v1/chat/completions')).toBe('chat');
    expect(at('/V1/Chat/Completions?stream=1')).toBe('chat');
    expect(at('/v1/chat/completions', 'GET')).toBeUndefined();
    expect(at('/v1/chat/completions#frag')).toBe('chat');
    expect(at('/v1/chat/completions/')).toBeUndefined();
    expect(at('/v1/r/12')).toBeUndefined();
    expect(at('/v1/images/generations')).toBeNull();
    expect(at('/v1/chat/compl\u00e9tions')).toBeNull();
  });
});
