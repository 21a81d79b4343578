import { clarificationMessage, decisionMessage, textToHtml } from './outreach-message';

describe(textToHtml.name, () => {
  it('should escape text, keep paragraphs and make links clickable', () => {
    const sut = textToHtml('Hi <b>Ann</b>,\n\nsee https://c.example/g/ack/abc_1\nthanks');
    expect(sut).toContain('<p>Hi &lt;b&gt;Ann&lt;/b&gt;,</p>');
    expect(sut).toContain(
      '<p>see <a href="https://c.example/g/ack/abc_1">https://c.example/g/ack/abc_1</a><br>thanks</p>',
    );
  });
});

describe(clarificationMessage.name, () => {
  it('should ask the one question with the personal link and keep the subject on one line', () => {
    const sut = clarificationMessage({
      toolName: 'Cur\r\nsor',
      recipientName: 'Ann',
      url: 'https://c.example/g/clarify/t',
      expiresAt: new Date('2026-12-13T00:00:00Z'),
    });
    expect(sut.subject).toBe('Do you use Cur sor for work?');
    expect(sut.text).toContain('\nhttps://c.example/g/clarify/t\n');
    expect(sut.text).toContain('2026-12-13');
  });
});

describe(decisionMessage.name, () => {
  it('should state the decision, its scope and the note', () => {
    const sut = decisionMessage({
      toolName: 'Cursor',
      decision: {
        status: 'sanctioned',
        dataClasses: ['internal'],
        tenantBound: true,
        note: 'Use SSO.',
      },
    });
    expect(sut.subject).toBe('Decision on Cursor: approved');
    expect(sut.text).toContain(
      "it is approved for internal data, through the organisation's own account only.",
    );
    expect(sut.text).toContain('Use SSO.');
  });
});
