import { expiryFrom } from './token-expiry';

describe(expiryFrom.name, () => {
  const now = new Date('2026-11-29T12:00:00Z');

  it('should count hours, days and weeks from now', () => {
    expect(expiryFrom('12h', now).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(expiryFrom('30d', now).toISOString()).toBe('2026-12-29T12:00:00.000Z');
    expect(expiryFrom(' 2w ', now).toISOString()).toBe('2026-12-13T12:00:00.000Z');
  });

  it('should refuse zero, units it does not know, and more than five years', () => {
    for (const bad of ['0d', '30', '30m', '-1d', '1.5d', '2000w', 'soon'])
      expect(() => expiryFrom(bad, now)).toThrow(/expires-in must be .* \(got/);
  });
});
