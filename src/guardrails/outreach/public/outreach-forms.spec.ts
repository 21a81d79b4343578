import { parseClarificationForm, parseToolRequestForm } from './outreach-forms';

describe(parseClarificationForm.name, () => {
  it('should read a yes with the kinds of data, de-duplicated and sorted', () => {
    expect(
      parseClarificationForm({ uses: 'yes', dataClasses: ['pii', 'internal', 'pii'], note: ' x ' }),
    ).toEqual({ ok: true, answer: { uses: true, dataClasses: ['internal', 'pii'], note: 'x' } });
  });

  it('should read a single checkbox value and a no without data', () => {
    expect(parseClarificationForm({ uses: 'yes', dataClasses: 'public' })).toMatchObject({
      answer: { dataClasses: ['public'] },
    });
    expect(parseClarificationForm({ uses: 'no' })).toEqual({
      ok: true,
      answer: { uses: false, dataClasses: [], note: null },
    });
  });

  it('should name the fields that are wrong', () => {
    expect(parseClarificationForm({})).toEqual({
      ok: false,
      errors: [{ field: 'uses', message: expect.stringContaining('whether you use') }],
    });
    const bad = parseClarificationForm({ uses: 'no', dataClasses: ['secret', 'pii'] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['dataClasses', 'dataClasses']);
  });
});

describe(parseToolRequestForm.name, () => {
  it('should need a reason and accept an optional address', () => {
    expect(parseToolRequestForm({ reason: 'short', email: 'nope' })).toEqual({
      ok: false,
      errors: [
        { field: 'reason', message: expect.any(String) },
        { field: 'email', message: expect.any(String) },
      ],
    });
    expect(
      parseToolRequestForm({ reason: 'Code review of our Go services', forTeam: 'yes', email: '' }),
    ).toEqual({
      ok: true,
      request: { reason: 'Code review of our Go services', contactEmail: null, forTeam: true },
    });
  });
});
