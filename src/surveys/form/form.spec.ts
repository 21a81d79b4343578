import { buildInventoryTemplate } from '../inventory-template';
import { validateAnswers } from './answer-validation';
import { renderSurveyForm } from './form.renderer';

const questions = buildInventoryTemplate([
  { id: 'cursor', name: 'Cursor', vendor: 'Anysphere', category: 'coding-assistant', rules: {} },
  { id: 'agents-md', name: 'AGENTS.md', vendor: '-', category: 'other', generic: true, rules: {} },
]);

describe(validateAnswers.name, () => {
  it('should accept listed options, trim text and collect checkbox arrays', () => {
    const { answers, errors } = validateAnswers(
      questions,
      {
        q_tools: 'cursor',
        q_frequency: 'daily',
        q_data: ['public-code', 'credentials'],
        q_comments: '  ok  ',
      },
      'submit',
    );
    expect({ answers, errors }).toEqual({
      errors: [],
      answers: {
        tools: ['cursor'],
        frequency: 'daily',
        data: ['public-code', 'credentials'],
        comments: 'ok',
      },
    });
  });

  it('should name each bad answer and the missing required one when submitting', () => {
    const sut = validateAnswers(
      questions,
      { q_tools: ['cursor', 'agents-md'], q_data: 'everything' },
      'submit',
    );
    expect(sut.errors.map((e) => e.key)).toEqual(['tools', 'frequency', 'data']);
  });

  it('should let a draft skip required answers when saving', () => {
    expect(validateAnswers(questions, {}, 'save').errors).toEqual([]);
  });

  it('should check a scale against its bounds', () => {
    const scale = [
      {
        key: 'conf',
        text: 'Confidence',
        kind: 'scale' as const,
        required: true,
        scale: { min: 1, max: 5 },
      },
    ];
    expect(validateAnswers(scale, { q_conf: '6' }, 'submit').errors).toHaveLength(1);
    expect(validateAnswers(scale, { q_conf: '4' }, 'submit').answers).toEqual({ conf: '4' });
  });
});

describe(renderSurveyForm.name, () => {
  const html = renderSurveyForm({
    title: 'Inventory <2026>',
    privacyStatement: 'Anonymous survey',
    questions,
    answers: { tools: ['cursor'] },
    errors: [{ key: 'frequency', message: '"How often" needs an answer.' }],
    action: '/s/abc',
  });

  it('should give every input a label and every group a fieldset with a legend', () => {
    const ids = [...html.matchAll(/<input [^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html).toContain(`<label class="option" for="${id}">`);
    expect(html.match(/<fieldset/g)?.length).toBe(html.match(/<legend>/g)?.length);
    for (const textarea of html.matchAll(/<textarea id="([^"]+)"/g))
      expect(html).toContain(`for="${textarea[1]}"`);
  });

  it('should escape text, keep answers checked, link errors to their question and need no script', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Inventory &lt;2026&gt;');
    expect(html).toMatch(/value="cursor" checked/);
    expect(html).not.toContain('AGENTS.md');
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#q_frequency">');
    expect(html).toMatch(/aria-invalid="true"/);
    expect(html).not.toMatch(/<script/i);
  });
});
