import { buildDisclosureIndex, classifyDisclosure } from './disclosure';

describe(classifyDisclosure.name, () => {
  const index = buildDisclosureIndex(
    ['p1', 'p2'],
    [{ personId: 'p1', toolId: 'cursor', dataClasses: ['internal'] }],
  );

  it('should say disclosed when the person named the tool', () => {
    expect(classifyDisclosure(index, 'person', 'p1', 'cursor')).toBe('disclosed');
  });

  it('should say undisclosed when the person was surveyed but did not name the tool', () => {
    expect(classifyDisclosure(index, 'person', 'p1', 'chatgpt')).toBe('undisclosed');
    expect(classifyDisclosure(index, 'person', 'p2', 'cursor')).toBe('undisclosed');
  });

  it('should say not surveyed when the person never answered', () => {
    expect(classifyDisclosure(index, 'person', 'p3', 'cursor')).toBe('not-surveyed');
  });

  it('should not apply to repositories', () => {
    expect(classifyDisclosure(index, 'repository', 'acme/api', 'cursor')).toBe('not-applicable');
  });
});
