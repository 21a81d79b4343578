import { buildSurveyMessage, type SurveyMessageInput } from './survey-message';

const input = (over: Partial<SurveyMessageInput> = {}): SurveyMessageInput => ({
  kind: 'invitation',
  surveyTitle: 'AI-usage inventory 2026',
  privacyMode: 'identified',
  k: 5,
  url: 'https://census.example.org/s/tok_abc',
  recipientName: 'Alice Able',
  expiresAt: new Date('2026-12-24T10:00:00Z'),
  ...over,
});

describe(buildSurveyMessage.name, () => {
  it('should state the title, the personal link and the expiry when inviting', () => {
    const sut = buildSurveyMessage(input());
    expect(sut.subject).toBe('Survey: AI-usage inventory 2026');
    expect(sut.text).toContain('Hello Alice Able,');
    expect(sut.text).toContain('you are invited to answer the survey "AI-usage inventory 2026"');
    expect(sut.text).toContain('\nhttps://census.example.org/s/tok_abc\n');
    expect(sut.text).toContain('2026-12-24');
    expect(sut.html).toContain('<a href="https://census.example.org/s/tok_abc">');
  });

  it.each([
    ['identified', 'Identified survey: your answers are stored with your name'],
    ['pseudonymous', 'Pseudonymous survey: your answers are stored under a code'],
    ['anonymous', 'Anonymous survey: nothing that links your answers to you is kept'],
  ] as const)('should say in plain words what %s means, as the form does', (mode, words) => {
    const sut = buildSurveyMessage(input({ privacyMode: mode, k: 7 }));
    expect(sut.text).toContain(words);
    expect(sut.text).toContain('at least 7 people');
    expect(sut.html).toContain('at least 7 people');
  });

  it('should say the old link no longer works when reminding', () => {
    const sut = buildSurveyMessage(input({ kind: 'reminder', recipientName: null }));
    expect(sut.subject).toBe('Reminder: survey "AI-usage inventory 2026" awaits you');
    expect(sut.text.startsWith('Hello,\n')).toBe(true);
    expect(sut.text).toContain('Your earlier link no longer works');
  });

  it('should escape HTML and keep the subject on one line when the title is hostile', () => {
    const sut = buildSurveyMessage(
      input({ surveyTitle: '<b>Tools</b>\r\nBcc: x@evil.test', recipientName: 'O"Brien & <Co>' }),
    );
    expect(sut.subject).toBe('Survey: <b>Tools</b> Bcc: x@evil.test');
    expect(sut.html).not.toContain('<b>Tools</b>');
    expect(sut.html).toContain('&lt;b&gt;Tools&lt;/b&gt;');
    expect(sut.html).toContain('O&quot;Brien &amp; &lt;Co&gt;');
  });

  it('should write the whole mail in the language it is given', () => {
    const de = buildSurveyMessage(input({ lang: 'de', surveyTitle: 'KI-Nutzung', k: 7 }));
    expect(de.subject).toBe('Umfrage: KI-Nutzung');
    expect(de.text).toContain('Hallo Alice Able,');
    expect(de.text).toContain('Sie sind eingeladen, an der Umfrage „KI-Nutzung“ teilzunehmen.');
    expect(de.text).toContain('mindestens 7 Personen');
    expect(de.text).toContain('Er läuft am 2026-12-24 ab.');
    expect(de.html).toContain('>Zur Umfrage</a>');
    expect(de.text).not.toMatch(/Hello|invited|expires/);
    const es = buildSurveyMessage(input({ lang: 'es', kind: 'reminder', recipientName: null }));
    expect(es.subject).toBe('Recordatorio: la encuesta «AI-usage inventory 2026» le espera');
    expect(es.text.startsWith('Hola:\n')).toBe(true);
  });
});
