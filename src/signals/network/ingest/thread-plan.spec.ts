import { threadPlan, threadShare, type ThreadPlanInput } from './thread-plan';

const base: ThreadPlanInput = {
  setting: 4,
  share: 4,
  minBytes: 1000,
  size: 5000,
  format: 'squid',
  gzip: false,
  toolsAvailable: true,
};

describe('threadPlan', () => {
  it('should split a large plain file over its share of the workers', () => {
    expect(threadPlan(base)).toEqual({ mode: 'ranges', threads: 4 });
    expect(threadPlan({ ...base, share: 2 })).toEqual({ mode: 'ranges', threads: 2 });
    expect(threadPlan({ ...base, share: 0 })).toEqual({ mode: 'ranges', threads: 1 });
  });

  it('should read a large gzip file whole in one worker', () => {
    expect(threadPlan({ ...base, gzip: true })).toEqual({ mode: 'stream' });
  });

  it('should keep the main thread for INGEST_WORKERS=1, small files and unsplittable formats', () => {
    expect(threadPlan({ ...base, setting: 1 })).toEqual({ mode: 'main' });
    expect(threadPlan({ ...base, setting: 1, gzip: true })).toEqual({ mode: 'main' });
    expect(threadPlan({ ...base, size: 999 })).toEqual({ mode: 'main' });
    expect(threadPlan({ ...base, format: 'generic-csv' })).toEqual({ mode: 'main' });
    expect(threadPlan({ ...base, toolsAvailable: false })).toEqual({ mode: 'main' });
  });
});

describe('threadShare', () => {
  it('should share the workers between the files large enough to use them', () => {
    expect(threadShare([5000], 4, 1000)).toBe(4);
    expect(threadShare([5000, 10, 20, 0], 4, 1000)).toBe(4); // small files take no thread
    expect(threadShare([5000, 6000], 4, 1000)).toBe(2);
    expect(threadShare([5000, 6000, 7000], 4, 1000)).toBe(1);
    expect(threadShare([5000, 6000, 7000, 8000, 9000], 2, 1)).toBe(1);
    expect(threadShare([5000], 1, 1000)).toBe(1);
  });
});
