import {
  githubLoginFromNoreply,
  resolveAll,
  resolveIdentity,
  usernameLocalPart,
  type Directory,
} from './identity-rules';

const directory: Directory = {
  persons: [
    {
      id: 'p-alice',
      emails: ['alice@example.com', 'alice.able@example.org'],
      githubLogin: 'alice-gh',
      usernames: ['CORP\\aable'],
    },
    { id: 'p-bob', emails: ['bob@example.com'], githubLogin: 'BobB' },
    { id: 'p-bob2', emails: ['bob@other.example'] },
    { id: 'p-carol', emails: ['carol@example.com'] },
  ],
  identities: [
    { personId: 'p-carol', kind: 'commit-email', value: 'carol@laptop.local', manual: false },
    { personId: 'p-bob2', kind: 'username', value: 'EXAMPLE\\bob', manual: true },
  ],
  leases: [
    {
      ip: '10.0.0.5',
      personId: 'p-alice',
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-10T00:00:00Z'),
    },
    { ip: '10.0.0.5', personId: 'p-carol', from: new Date('2026-11-10T00:00:01Z'), to: null },
    { ip: '10.0.0.9', personId: 'p-bob', from: new Date('2026-11-01T00:00:00Z'), to: null },
  ],
};

describe(resolveIdentity.name, () => {
  it('should resolve a directory e-mail with full confidence regardless of case', () => {
    expect(resolveIdentity(directory, 'email', ' Alice.Able@Example.org ')).toEqual({
      resolved: true,
      personId: 'p-alice',
      confidence: 1,
      rule: 'email',
    });
  });

  it('should resolve a GitHub login case-insensitively and with a leading @', () => {
    expect(resolveIdentity(directory, 'github', '@bobb')).toMatchObject({
      personId: 'p-bob',
      rule: 'github-login',
    });
  });

  it('should map a GitHub noreply commit e-mail with and without the numeric id to its login', () => {
    expect(githubLoginFromNoreply('12345+alice-gh@users.noreply.github.com')).toBe('alice-gh');
    expect(
      resolveIdentity(directory, 'commit-email', '12345+Alice-GH@users.noreply.github.com'),
    ).toMatchObject({ personId: 'p-alice', rule: 'github-noreply', confidence: 0.95 });
    expect(
      resolveIdentity(directory, 'commit-email', 'bobb@users.noreply.github.com'),
    ).toMatchObject({ personId: 'p-bob' });
  });

  it('should use a recorded identity when a commit e-mail is not in the directory', () => {
    expect(resolveIdentity(directory, 'commit-email', 'carol@laptop.local')).toMatchObject({
      personId: 'p-carol',
      rule: 'known-identity',
    });
  });

  it('should resolve DOMAIN\\user and UPN proxy names through recorded user names and e-mail local parts', () => {
    expect(usernameLocalPart('CORP\\aable')).toBe('aable');
    expect(usernameLocalPart('aable@corp.example')).toBe('aable');
    expect(resolveIdentity(directory, 'username', 'OTHERDOM\\AABLE')).toMatchObject({
      personId: 'p-alice',
      rule: 'username',
    });
    expect(resolveIdentity(directory, 'username', 'carol@corp.example')).toMatchObject({
      personId: 'p-carol',
      rule: 'username-email-local-part',
      confidence: 0.7,
    });
  });

  it('should prefer a manual link over an ambiguous rule when a human linked the identity', () => {
    // bob@… belongs to two people by local part; the manual link settles it.
    expect(resolveIdentity(directory, 'username', 'example\\bob')).toMatchObject({
      personId: 'p-bob2',
      rule: 'manual-link',
      confidence: 1,
    });
    expect(resolveIdentity(directory, 'username', 'CORP\\bob')).toEqual({
      resolved: false,
      reason: 'ambiguous',
      candidates: ['p-bob', 'p-bob2'],
    });
  });

  it('should pick the IP lease in force at the time of the observation', () => {
    expect(
      resolveIdentity(directory, 'ip', '10.0.0.5', new Date('2026-11-05T12:00:00Z')),
    ).toMatchObject({ personId: 'p-alice', rule: 'ip-lease' });
    expect(
      resolveIdentity(directory, 'ip', '::ffff:10.0.0.5', new Date('2026-11-20T12:00:00Z')),
    ).toMatchObject({ personId: 'p-carol' });
    expect(resolveIdentity(directory, 'ip', '10.0.0.5')).toMatchObject({
      resolved: false,
      reason: 'ambiguous',
    });
    expect(resolveIdentity(directory, 'ip', '10.0.0.9')).toMatchObject({ personId: 'p-bob' });
  });

  it('should resolve an IP over the span its evidence covers only when one lease covers it all', () => {
    const span = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
    expect(
      resolveIdentity(directory, 'ip', '10.0.0.5', span('2026-11-02T09:00Z', '2026-11-08T17:00Z')),
    ).toMatchObject({ personId: 'p-alice', rule: 'ip-lease', confidence: 0.8 });
    expect(
      resolveIdentity(directory, 'ip', '10.0.0.5', span('2026-11-09T09:00Z', '2026-11-11T17:00Z')),
    ).toEqual({ resolved: false, reason: 'ambiguous', candidates: ['p-alice', 'p-carol'] });
  });

  it('should list identities no rule resolves for a human', () => {
    const sut = resolveAll(directory, [
      { kind: 'email', value: 'alice@example.com' },
      { kind: 'email', value: 'mallory@evil.example' },
      { kind: 'email', value: 'not-an-email' },
    ]);
    expect(sut.resolved.map((r) => r.personId)).toEqual(['p-alice']);
    expect(sut.unresolved.map((u) => [u.value, u.reason])).toEqual([
      ['mallory@evil.example', 'no-match'],
      ['not-an-email', 'invalid'],
    ]);
  });
});
