import { computeSurveyResults } from '../../../surveys/results/survey-results';
import {
  parseInviteForm,
  parseSurveyCreateForm,
  surveyCreateFormView,
  surveyResultsView,
} from './survey-pages.view';

describe(parseSurveyCreateForm.name, () => {
  it('should read title, privacy mode and k, the template defaulting to the inventory', () => {
    expect(
      parseSurveyCreateForm({ title: ' Q3 inventory ', privacyMode: 'anonymous', k: '7' }, 5),
    ).toEqual({
      errors: [],
      input: {
        title: 'Q3 inventory',
        privacyMode: 'anonymous',
        k: 7,
        template: 'ai-usage-inventory',
      },
    });
    expect(
      parseSurveyCreateForm({ title: 't', privacyMode: 'identified', k: '' }, 5).input?.k,
    ).toBe(5);
  });

  it('should name each bad field and keep what was typed for the form', () => {
    const body = { title: '', privacyMode: 'secret', k: '1' };
    const sut = parseSurveyCreateForm(body, 5);
    expect(sut.input).toBeUndefined();
    expect(sut.errors.map((e) => e.field)).toEqual(['title', 'privacyMode', 'k']);
    const view = surveyCreateFormView(5, body, sut.errors);
    expect(view.k).toBe('1');
    expect(view.privacyModes.find((m) => m.checked)?.value).toBe('anonymous');
  });
});

describe(parseInviteForm.name, () => {
  it('should read everyone or one team, and e-mail or links', () => {
    expect(
      parseInviteForm({ audience: 'everyone', delivery: 'email' }, { reminder: false }),
    ).toEqual({
      errors: [],
      request: { everyone: true, send: true, expiresInDays: 30 },
    });
    const team = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(
      parseInviteForm(
        { audience: team, delivery: 'links', expiresInDays: '14' },
        { reminder: false },
      ).request,
    ).toEqual({ teamId: team, send: false, expiresInDays: 14 });
  });

  it('should refuse a missing audience, except for reminders', () => {
    expect(parseInviteForm({}, { reminder: false }).errors[0].field).toBe('audience');
    expect(parseInviteForm({ delivery: 'email' }, { reminder: true }).request).toEqual({
      send: true,
      expiresInDays: 30,
    });
  });
});

describe(surveyResultsView.name, () => {
  const questions = [
    {
      key: 'tools',
      text: 'Tools',
      kind: 'tool-picker' as const,
      required: false,
      role: 'tools' as const,
    },
  ];

  it('should hide a team under k and every breakdown while fewer than k answered', () => {
    const results = computeSurveyResults({
      k: 3,
      questions,
      responses: [
        { answers: {}, toolIds: ['cursor'], team: null },
        { answers: {}, toolIds: ['cursor'], team: null },
      ],
      invitations: [
        ...Array.from({ length: 4 }, (_, i) => ({ team: 'Eng', responded: i < 2 })),
        { team: 'Sales', responded: false },
      ],
    });
    const sut = surveyResultsView(results, (id) => id.toUpperCase());
    expect(sut.respondents).toBe('fewer than 3');
    expect(sut.suppressedNote).toContain('at least 3');
    expect(sut.charts).toEqual([]);
    expect(sut.invited).toBe(5);
    expect(sut.rateRows).toEqual([
      {
        team: 'Eng',
        invited: 4,
        responded: 'fewer than 3',
        rate: '—',
        percent: null,
        suppressed: true,
      },
      {
        team: 'Sales',
        invited: 1,
        responded: 'fewer than 3',
        rate: '—',
        percent: null,
        suppressed: true,
      },
    ]);
  });

  it('should chart tools above k and list the hidden ones in the table only', () => {
    const responses = [
      ...Array.from({ length: 4 }, () => ({ answers: {}, toolIds: ['cursor'], team: 'Eng' })),
      { answers: {}, toolIds: ['cursor', 'chatgpt'], team: 'Eng' },
    ];
    const results = computeSurveyResults({
      k: 2,
      questions,
      responses,
      invitations: Array.from({ length: 5 }, () => ({ team: 'Eng', responded: true })),
    });
    const sut = surveyResultsView(results, (id) => `Tool ${id}`);
    expect(sut.respondents).toBe('5');
    expect(sut.rateRows[0]).toMatchObject({ responded: '5', rate: '100%', percent: 100 });
    expect(sut.charts).toHaveLength(1);
    expect(sut.charts[0].chart.data.labels).toEqual(['Tool cursor']);
    expect(sut.charts[0].table).toEqual([
      { label: 'Tool cursor', value: '5' },
      { label: 'Tool chatgpt', value: 'fewer than 2' },
    ]);
  });
});
