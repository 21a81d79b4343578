import { classify } from './github-org-level';

describe(classify.name, () => {
  it('should take data classes from topics and classification properties when they name one', () => {
    const sut = classify(['backend', 'data-phi', 'pii'], {
      'data-classification': 'confidential',
      team: 'pci',
    });
    expect(sut.dataClasses).toEqual(['confidential', 'phi', 'pii']);
  });

  it('should find no data class when topics and properties are ordinary', () => {
    expect(classify(['web', 'typescript'], { owner: 'team-a' }).dataClasses).toEqual([]);
  });
});
