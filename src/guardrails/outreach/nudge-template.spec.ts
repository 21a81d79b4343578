import { DEFAULT_NUDGE_TEMPLATE, fillTemplate, templateProblems } from './nudge-template';

describe(templateProblems.name, () => {
  it('should accept the default template', () => {
    expect(templateProblems(DEFAULT_NUDGE_TEMPLATE)).toEqual([]);
  });

  it('should name an unknown placeholder, a missing acknowledgement link and a two-line subject', () => {
    expect(templateProblems({ subject: 'Hi {{nmae}}\nBcc: x', body: 'Read {{aupUrl}}' })).toEqual([
      expect.stringContaining('subject: unknown placeholder {{nmae}}'),
      'subject: must be one line',
      'body: must contain {{ackUrl}}, the acknowledgement link',
    ]);
  });
});

describe(fillTemplate.name, () => {
  it('should keep the link placeholders for later and drop what is unfilled at the end', () => {
    const first = fillTemplate('Hi {{ name }}, {{tool}}: {{ackUrl}} {{aupUrl}}', {
      name: 'Ann',
      tool: 'Cursor',
    });
    expect(first).toBe('Hi Ann, Cursor: {{ackUrl}} {{aupUrl}}');
    expect(fillTemplate(first, { ackUrl: 'https://x/g/ack/t' }, true)).toBe(
      'Hi Ann, Cursor: https://x/g/ack/t ',
    );
  });

  it('should not treat a filled value as a template (no second expansion)', () => {
    expect(fillTemplate('{{name}} {{tool}}', { name: '{{tool}}', tool: 'X' })).toBe('{{tool}} X');
  });
});
