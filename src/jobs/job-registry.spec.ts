import { checkJobProcessors } from './job-registry';

describe('checkJobProcessors', () => {
  it('should accept one processor per job name when all are registered', () => {
    expect(
      checkJobProcessors(
        ['a', 'b'],
        new Map([
          ['a', ['A']],
          ['b', ['B']],
        ]),
      ),
    ).toEqual([]);
  });

  it('should name a job without processor, one with two, and an unknown one', () => {
    const problems = checkJobProcessors(
      ['a', 'b'],
      new Map([
        ['a', ['A1', 'A2']],
        ['c', ['C']],
      ]),
    );
    expect(problems).toEqual([
      'job a has 2 processors (A1, A2)',
      'job b has no processor',
      'processor for unknown job c',
    ]);
  });
});
