import { identityQueueView, parseLinkForm, personLabel } from './identity-queue.view';

describe(identityQueueView.name, () => {
  it('should label kinds and reasons and name the candidates', () => {
    const sut = identityQueueView(
      [
        {
          kind: 'commit-email',
          value: 'al@laptop.local',
          source: 'scan-repo',
          reason: 'ambiguous',
          candidates: ['p1', 'p2'],
          occurrences: 4,
          firstSeen: new Date('2026-01-02T10:00:00Z'),
          lastSeen: new Date('2026-02-03T10:00:00Z'),
        },
        {
          kind: 'ip',
          value: '10.0.0.7',
          source: 'network',
          reason: 'no-match',
          candidates: [],
          occurrences: 1,
          firstSeen: new Date('2026-01-02T10:00:00Z'),
          lastSeen: new Date('2026-01-02T11:00:00Z'),
        },
      ],
      new Map([
        ['p1', { email: 'alice@example.com', name: 'Alice' }],
        ['p2', { email: 'al@example.com', name: null }],
      ]),
    );
    expect(sut[0]).toMatchObject({
      kindLabel: 'Commit e-mail',
      reason: 'several people match',
      seen: '2026-01-02 to 2026-02-03',
      candidates: [
        { id: 'p1', label: 'Alice <alice@example.com>' },
        { id: 'p2', label: 'al@example.com' },
      ],
      key: 'identity-1',
    });
    expect(sut[1]).toMatchObject({
      kindLabel: 'IP address',
      reason: 'no person matches',
      seen: '2026-01-02',
    });
  });

  it('should add the team to a person label when known', () => {
    expect(personLabel({ email: 'a@x.example', name: 'A', teamPath: 'Eng/Platform' })).toBe(
      'A <a@x.example>, Eng/Platform',
    );
  });
});

describe(parseLinkForm.name, () => {
  const personId = '1B4E28BA-2FA1-11D2-883F-0016D3CCA427';

  it('should read the identity and the chosen person', () => {
    expect(parseLinkForm({ kind: 'github', value: ' octocat ', personId })).toEqual({
      link: { kind: 'github', value: 'octocat', personId: personId.toLowerCase() },
      errors: [],
    });
  });

  it('should name what is missing', () => {
    expect(parseLinkForm({ kind: 'person', value: '' }).errors.map((e) => e.field)).toEqual([
      'kind',
      'value',
      'personId',
    ]);
  });
});
