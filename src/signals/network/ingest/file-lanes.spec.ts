import { runLanes, sameContentTogether } from './file-lanes';

describe('file lanes', () => {
  it('should keep files of one content in one group, in order', () => {
    expect(sameContentTogether(['a', 'b', 'a', undefined, undefined, 'b'])).toEqual([
      [0, 2],
      [1, 5],
      [3],
      [4],
    ]);
  });

  it('should run at most `lanes` items at once and each group in order', async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await runLanes([[0, 3], [1], [2]], 2, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(i);
      running--;
    });
    expect(peak).toBe(2);
    expect(order.indexOf(0)).toBeLessThan(order.indexOf(3));
    expect(order.sort()).toEqual([0, 1, 2, 3]);
  });

  it('should start nothing after a failure and throw the first error once the rest finish', async () => {
    const started: number[] = [];
    const done: number[] = [];
    const run = runLanes([[0], [1], [2], [3]], 2, async (i) => {
      started.push(i);
      await new Promise((r) => setTimeout(r, i === 0 ? 1 : 20));
      if (i === 0) throw new Error('boom');
      done.push(i);
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(done).toEqual([1]);
  });
});
