import { classify, teamProperty } from './github-org-level';

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

describe(teamProperty.name, () => {
  it('should read the owning team from a property named for it, in any spelling', () => {
    expect(teamProperty({ 'data-classification': 'pii', team: ' Platform ' })).toBe('Platform');
    expect(teamProperty({ 'Owning-Team': 'Engineering/Web' })).toBe('Engineering/Web');
    expect(teamProperty({ team_owner: 'Payments' })).toBe('Payments');
  });

  it('should not take a person, a channel or an empty value for a team', () => {
    expect(teamProperty({ owner: 'team-a' })).toBeUndefined();
    expect(teamProperty({ 'team-channel': '#platform', teams: 'a,b' })).toBeUndefined();
    expect(teamProperty({ team: '  ' })).toBeUndefined();
  });
});
