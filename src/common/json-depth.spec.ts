import { jsonNestingDepth } from './json-depth';

describe(jsonNestingDepth.name, () => {
  it('should count nested arrays and objects', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('[[],[],[[]]]')).toBe(3);
  });

  it('should not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonNestingDepth('["\\"[[[", "\\\\"]')).toBe(1);
  });

  it('should stop early once past the limit', () => {
    expect(jsonNestingDepth('['.repeat(5000) + ']'.repeat(5000), 64)).toBe(65);
  });
});
