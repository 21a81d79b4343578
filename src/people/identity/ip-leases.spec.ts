import { LeaseBook, leaseHolder, normaliseIp, type IpLease } from './ip-leases';

const day = (d: string, time = '00:00:00') => new Date(`2026-11-${d}T${time}Z`);

// 10.0.0.5 changes hands at midnight between the 24th and the 25th.
const leases: IpLease[] = [
  { ip: '10.0.0.5', personId: 'p-alice', from: day('24'), to: day('25') },
  { ip: '10.0.0.5', personId: 'p-bob', from: day('25'), to: day('26') },
  // a renewal: two leases of one person back to back
  { ip: '10.0.0.5', personId: 'p-bob', from: day('26'), to: null },
  { ip: 'FD00::7', personId: 'p-carol', from: day('01'), to: null },
];

describe(leaseHolder.name, () => {
  it('should give each moment to the person holding the lease then, the end being exclusive', () => {
    const at = (d: Date) => leaseHolder(leases, '10.0.0.5', { from: d, to: d });
    expect(at(day('24', '12:00:00'))).toEqual({ holder: 'p-alice' });
    expect(at(day('25'))).toEqual({ holder: 'p-bob' });
    expect(at(new Date(day('25').getTime() - 1))).toEqual({ holder: 'p-alice' });
    expect(at(day('23'))).toEqual({ holder: null, reason: 'no-match', candidates: [] });
  });

  it('should give a span to one person only when that person held the address all through it', () => {
    expect(
      leaseHolder(leases, '10.0.0.5', { from: day('24', '09:00:00'), to: day('24', '17:00:00') }),
    ).toEqual({ holder: 'p-alice' });
    // across the renewal: still one person, covered without a gap
    expect(leaseHolder(leases, '10.0.0.5', { from: day('25', '09:00:00'), to: day('27') })).toEqual(
      {
        holder: 'p-bob',
      },
    );
  });

  it('should call a span across two holders ambiguous and name both', () => {
    expect(
      leaseHolder(leases, '10.0.0.5', { from: day('24', '23:00:00'), to: day('25', '01:00:00') }),
    ).toEqual({ holder: null, reason: 'ambiguous', candidates: ['p-alice', 'p-bob'] });
  });

  it('should not give a span that starts before the only lease to its holder', () => {
    expect(
      leaseHolder(leases.slice(0, 1), '10.0.0.5', {
        from: day('23', '23:00:00'),
        to: day('24', '01:00:00'),
      }),
    ).toEqual({ holder: null, reason: 'no-match', candidates: ['p-alice'] });
  });
});

describe(LeaseBook.name, () => {
  const sut = new LeaseBook(leases);

  it('should answer a moment as leaseHolder does, for the address in any spelling', () => {
    expect(sut.holderAt('10.0.0.5', day('24', '08:00:00').getTime())).toBe('p-alice');
    expect(sut.holderAt('10.0.0.5', day('25', '08:00:00').getTime())).toBe('p-bob');
    expect(sut.holderAt('::ffff:10.0.0.5', day('25', '08:00:00').getTime())).toBe('p-bob');
    expect(sut.holderAt('fd00::7', day('02').getTime())).toBe('p-carol');
    expect(sut.holderAt('10.0.0.6', day('25').getTime())).toBeUndefined();
    expect(sut.holderAt('10.0.0.5', day('23').getTime())).toBeUndefined();
  });

  it('should answer nobody when two people hold the address at once', () => {
    const overlapping = new LeaseBook([
      { ip: '10.0.0.9', personId: 'p-a', from: day('01'), to: null },
      { ip: '10.0.0.9', personId: 'p-b', from: day('10'), to: null },
    ]);
    expect(overlapping.holderAt('10.0.0.9', day('05').getTime())).toBe('p-a');
    expect(overlapping.holderAt('10.0.0.9', day('12').getTime())).toBeUndefined();
    expect(overlapping.holderDuring('10.0.0.9', { from: day('12'), to: day('12') })).toEqual({
      holder: null,
      reason: 'ambiguous',
      candidates: ['p-a', 'p-b'],
    });
  });

  it('should normalise IPv4-mapped and upper-case addresses', () => {
    expect(normaliseIp(' ::FFFF:10.0.0.5 ')).toBe('10.0.0.5');
    expect(normaliseIp('FD00::7')).toBe('fd00::7');
  });
});
