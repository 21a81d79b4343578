import {
  meanChangeInterval,
  meanInterval,
  proportionChangeInterval,
  sampleOf,
  tQuantile95,
  wilsonInterval,
} from './intervals';

describe('wave intervals', () => {
  it('should give the published Wilson interval for 8 of 10', () => {
    const w = wilsonInterval(8, 10);
    expect(w?.low).toBeCloseTo(0.4902, 3);
    expect(w?.high).toBeCloseTo(0.9433, 3);
  });

  it('should keep a Wilson interval inside 0..1 when nobody or everybody chose the option', () => {
    expect(wilsonInterval(0, 6)?.low).toBe(0);
    expect(wilsonInterval(6, 6)?.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("should match Newcombe's (1998) example for 56/70 against 48/80", () => {
    // Newcombe's method 10 gives 0.0524 to 0.3339 for 56/70 − 48/80.
    const d = proportionChangeInterval({ count: 48, n: 80 }, { count: 56, n: 70 });
    expect(d?.low).toBeCloseTo(0.0524, 3);
    expect(d?.high).toBeCloseTo(0.3339, 3);
  });

  it('should give the t interval of a mean and none for one value', () => {
    const m = meanInterval(sampleOf([1, 2, 3, 4, 5]));
    expect(m?.low).toBeCloseTo(1.037, 2);
    expect(m?.high).toBeCloseTo(4.963, 2);
    expect(meanInterval(sampleOf([4]))).toBeNull();
  });

  it("should give Welch's interval of a change of means", () => {
    const before = sampleOf([2, 3, 3, 4, 2, 3]);
    const after = sampleOf([4, 4, 5, 3, 4, 5]);
    const d = meanChangeInterval(before, after);
    expect(d).not.toBeNull();
    expect(d!.low).toBeGreaterThan(0);
    expect(d!.high).toBeLessThan(2.5);
    expect((d!.low + d!.high) / 2).toBeCloseTo(after.mean - before.mean, 6);
  });

  it('should widen the interval for a smaller team', () => {
    const small = proportionChangeInterval({ count: 2, n: 6 }, { count: 4, n: 6 })!;
    const large = proportionChangeInterval({ count: 20, n: 60 }, { count: 40, n: 60 })!;
    expect(small.high - small.low).toBeGreaterThan(large.high - large.low);
  });

  it('should approach the normal quantile for many degrees of freedom', () => {
    expect(tQuantile95(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile95(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile95(1e6)).toBeCloseTo(1.96, 2);
  });
});
