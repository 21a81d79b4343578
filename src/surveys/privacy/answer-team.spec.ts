import { answerTeam, byTeamUnavailable } from './answer-team';

describe(answerTeam.name, () => {
  const platform = { path: 'Engineering/Platform', headcount: 5 };
  const data = { path: 'Engineering/Data', headcount: 2 };

  it('should keep the team of an identified or pseudonymous answer whatever its size', () => {
    expect(answerTeam('identified', data, 5)).toBe('Engineering/Data');
    expect(answerTeam('pseudonymous', data, 5)).toBe('Engineering/Data');
  });

  it('should keep an anonymous answer’s team only when the team has at least k people', () => {
    expect(answerTeam('anonymous', platform, 5)).toBe('Engineering/Platform');
    expect(answerTeam('anonymous', data, 5)).toBeNull();
    expect(answerTeam('anonymous', data, 2)).toBe('Engineering/Data');
  });

  it('should keep no team when the link names no one', () => {
    expect(answerTeam('pseudonymous', null, 5)).toBeNull();
  });
});

describe(byTeamUnavailable.name, () => {
  it('should say why an anonymous survey has no by-team view, with its k', () => {
    expect(byTeamUnavailable('anonymous', 7)).toMatch(/open link.*|at least 7 people/);
  });
});
