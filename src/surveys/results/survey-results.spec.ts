import { buildInventoryTemplate } from '../inventory-template';
import { computeSurveyResults, type ResultResponse } from './survey-results';

const questions = buildInventoryTemplate([
  { id: 'cursor', name: 'Cursor', vendor: 'Anysphere', category: 'coding-assistant', rules: {} },
  { id: 'chatgpt', name: 'ChatGPT', vendor: 'OpenAI', category: 'chat-assistant', rules: {} },
]);

function response(
  toolIds: string[],
  frequency: string,
  data: string[],
  team = 'eng',
): ResultResponse {
  return {
    toolIds,
    team,
    answers: { tools: toolIds, frequency, data, work_kinds: ['coding'], wished_tool: ['cursor'] },
  };
}

describe(computeSurveyResults.name, () => {
  it('should suppress everything below the total when fewer than k answered', () => {
    const sut = computeSurveyResults({
      questions,
      k: 5,
      invitations: [],
      responses: [response(['cursor'], 'daily', [])],
    });
    expect(sut).toMatchObject({ respondents: null, suppressedAll: true, toolUse: [] });
  });

  it('should count tool use, data and wishes and hide cells under k', () => {
    const responses = [
      ...Array.from({ length: 6 }, () => response(['cursor'], 'daily', ['internal-code'])),
      ...Array.from({ length: 2 }, () => response(['chatgpt'], 'weekly', ['customer-data'])),
    ];
    const sut = computeSurveyResults({ questions, k: 5, invitations: [], responses });
    expect(sut.respondents).toBe(8);
    expect(sut.toolUse).toEqual([
      { toolId: 'cursor', respondents: 6 },
      { toolId: 'chatgpt', respondents: null },
    ]);
    expect(sut.dataShared).toMatchObject({
      'internal-code': 6,
      'customer-data': null,
      credentials: 0,
    });
    expect(sut.wishedTools).toEqual({ cursor: 8 });
    expect(sut.toolUseByFrequency.find((c) => c.group === 'cursor')).toMatchObject({
      category: 'daily',
      count: 6,
    });
    expect(sut.toolUseByFrequency.find((c) => c.group === 'chatgpt')).toMatchObject({
      count: null,
      suppressed: true,
    });
  });

  it('should hide a team response count under k and its complement in another team', () => {
    const invitations = [
      ...Array.from({ length: 10 }, (_, i) => ({ team: 'eng', responded: i < 7 })),
      ...Array.from({ length: 6 }, (_, i) => ({ team: 'data', responded: i < 2 })),
      ...Array.from({ length: 3 }, () => ({ team: 'tiny', responded: true })),
    ];
    const sut = computeSurveyResults({ questions, k: 5, invitations, responses: [] });
    expect(sut.responseRateByTeam.map((r) => [r.team, r.responded, r.suppressed])).toEqual([
      ['data', null, true],
      ['eng', null, true],
      ['tiny', null, true],
    ]);
  });
});
