// Shared pieces of the property-based (fuzz) specs: a fixed seed so CI runs the same cases
// every time, and line mutations that keep inputs close to real files, where parsers break.
import fc from 'fast-check';

/** Same cases on every run; change it to explore, and keep a failing seed as a regression. */
export const FUZZ_SEED = 20261129;

export const fuzzOptions = (numRuns: number): fc.Parameters<unknown> => ({
  seed: FUZZ_SEED,
  numRuns,
});

/** Text a parser may meet: any Unicode, control characters, separators and quotes included. */
export const anyText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom(...'",;\t|\\{}[]<>:=#\'\r -0123456789aZ'.split('')),
      maxLength,
    }),
  );

/** One line, changed the way files get damaged: cut, spliced with noise, doubled, emptied. */
export const mutatedLine = (line: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(line),
    fc.nat({ max: line.length }).map((n) => line.slice(0, n)),
    fc
      .tuple(fc.nat({ max: line.length }), fc.nat({ max: 8 }), anyText(12))
      .map(([at, cut, noise]) => line.slice(0, at) + noise + line.slice(at + cut)),
    fc.constant(line + line),
    fc.constant(''),
    anyText(),
  );

/** A file's lines, each kept or mutated, some dropped or repeated. */
export const mutatedLines = (lines: string[]): fc.Arbitrary<string[]> =>
  fc
    .tuple(...lines.map((l) => fc.array(mutatedLine(l), { minLength: 0, maxLength: 2 })))
    .map((groups) => groups.flat());
