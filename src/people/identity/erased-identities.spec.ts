import { ErasedIdentities, tombstoneHash } from './erased-identities';

describe(ErasedIdentities.name, () => {
  const salt = 's'.repeat(64);
  const sut = new ErasedIdentities(
    salt,
    new Set([
      tombstoneHash(salt, 'email', 'Ann@Corp.example'),
      tombstoneHash(salt, 'username', 'CORP\\ann'),
    ]),
  );

  it('should know an erased identity in any case or written form resolution accepts', () => {
    expect(sut.has('email', 'ann@corp.example')).toBe(true);
    expect(sut.has('username', 'ann')).toBe(true);
    expect(sut.has('username', 'ann@corp.example')).toBe(true);
    expect(sut.has('username', 'OTHER\\ANN')).toBe(true);
  });

  it('should not know other identities, other kinds, addresses, or the same value under another salt', () => {
    expect(sut.has('email', 'anna@corp.example')).toBe(false);
    expect(sut.has('commit-email', 'ann@corp.example')).toBe(false);
    expect(sut.has('ip', '10.0.0.1')).toBe(false);
    expect(
      new ErasedIdentities('t'.repeat(64), new Set([tombstoneHash(salt, 'email', 'a@b.c')])).has(
        'email',
        'a@b.c',
      ),
    ).toBe(false);
    expect(new ErasedIdentities(salt, new Set()).empty).toBe(true);
  });
});
