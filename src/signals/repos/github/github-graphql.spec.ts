import { buildRepoQuery } from './github-graphql';
import { gitFetchEnv, redactToken } from './github-git-history';

const blob = (i: number) => ({ path: `f${i}`, sha: String(i).padStart(40, '0'), size: 1 });

/** `$name` occurrences in the operation's header and in its body. */
function variablesOf(query: string): { declared: string[]; used: string[] } {
  const header = query.slice(0, query.indexOf('{'));
  const body = query.slice(query.indexOf('{'));
  const names = (s: string) => [...new Set([...s.matchAll(/\$(\w+)/g)].map((m) => m[1]))].sort();
  return { declared: names(header), used: names(body) };
}

describe(buildRepoQuery.name, () => {
  it('should declare $since and $after only when the query pages history', () => {
    const blobsOnly = buildRepoQuery('acme', 'web', [blob(1), blob(2)]);
    expect(variablesOf(blobsOnly.query)).toEqual({
      declared: ['name', 'owner'],
      used: ['name', 'owner'],
    });
    expect(Object.keys(blobsOnly.variables).sort()).toEqual(['name', 'owner']);

    const withHistory = buildRepoQuery('acme', 'web', [blob(1)], { since: null, after: 'c1' });
    expect(variablesOf(withHistory.query)).toEqual({
      declared: ['after', 'name', 'owner', 'since'],
      used: ['after', 'name', 'owner', 'since'],
    });
    expect(withHistory.variables).toEqual({ owner: 'acme', name: 'web', since: null, after: 'c1' });
  });

  it('should alias each blob by its position when several are asked for', () => {
    const { query } = buildRepoQuery('acme', 'web', [blob(1), blob(2)]);
    expect(query).toContain(`f0: object(oid: "${blob(1).sha}")`);
    expect(query).toContain(`f1: object(oid: "${blob(2).sha}")`);
  });
});

describe(gitFetchEnv.name, () => {
  it('should carry the token in a header scoped to the clone host when a token is given', () => {
    const sut = gitFetchEnv('https://github.example/acme/web.git', 'ghp_secret');
    expect(sut.GIT_CONFIG_KEY_0).toBe('http.https://github.example/.extraHeader');
    expect(sut.GIT_CONFIG_VALUE_0).toBe(
      `Authorization: Basic ${Buffer.from('x-access-token:ghp_secret').toString('base64')}`,
    );
    expect(sut.GIT_TERMINAL_PROMPT).toBe('0');
  });

  it('should configure no credential when there is no token', () => {
    expect(gitFetchEnv('https://github.example/acme/web.git')).toMatchObject({
      GIT_CONFIG_COUNT: '0',
    });
    expect(gitFetchEnv('https://github.example/acme/web.git').GIT_CONFIG_VALUE_0).toBeUndefined();
  });
});

describe(redactToken.name, () => {
  it('should hide the token and its Basic form when git prints either', () => {
    const basic = Buffer.from('x-access-token:ghp_secret').toString('base64');
    expect(redactToken(`fatal: ghp_secret and ${basic}`, 'ghp_secret')).toBe('fatal: *** and ***');
  });
});
