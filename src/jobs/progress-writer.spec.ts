import { ProgressWriter } from './progress-writer';

describe(ProgressWriter.name, () => {
  it('should not wait for a blocked write and should keep only the newest value', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const written: number[] = [];
    const sut = new ProgressWriter(async (p) => {
      await gate; // the connection is held elsewhere
      written.push(p);
    }, jest.fn());

    sut.push(10, {});
    sut.push(20, {});
    sut.push(30, {});
    expect(written).toEqual([]);
    release();
    await sut.flush();
    expect(written).toEqual([10, 30]);
  });

  it('should report a failed write and go on with the next value', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const sut = new ProgressWriter(
      async (p) => {
        if (p === 1) throw new Error('gone');
        written.push(p);
      },
      (e) => errors.push(e),
    );
    sut.push(1, {});
    await sut.flush();
    sut.push(2, {});
    await sut.flush();
    expect(written).toEqual([2]);
    expect(errors).toHaveLength(1);
  });
});
