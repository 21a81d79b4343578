import { appNameKey, sensitiveScopes, toolOfApp } from './identity-apps';

describe('toolOfApp', () => {
  it('should map well-known AI apps by their whole name, whatever the case and spacing', () => {
    expect(toolOfApp({ appName: 'ChatGPT' })).toBe('chatgpt');
    expect(toolOfApp({ appName: '  claude ' })).toBe('claude');
    expect(toolOfApp({ appName: 'Perplexity AI' })).toBe('perplexity');
    expect(toolOfApp({ appName: 'Otter.ai' })).toBe('otter');
    expect(toolOfApp({ appName: 'Fireflies.ai Notetaker' })).toBe('fireflies');
    expect(toolOfApp({ appName: 'Grammarly®' })).toBe('grammarly');
    expect(toolOfApp({ appName: 'Microsoft 365 Copilot' })).toBe('microsoft-copilot');
    expect(toolOfApp({ appName: 'Cursor' })).toBe('cursor');
  });

  it('should not map lookalikes or unknown apps', () => {
    for (const appName of [
      "Claude's Bakery Scheduler",
      'ChatGPT Exporter for Gmail',
      'Cursor Pagination Helper',
      'Gemini Jewelry CRM',
      'Otter Creek Payroll',
      'Zoom',
      'Slack',
      '',
    ])
      expect(toolOfApp({ appName, clientId: '123.apps.googleusercontent.com' })).toBeNull();
  });

  it('should prefer the catalog matcher on the host when the log names one', () => {
    const hosts = (h: string) => (h === 'chat.openai.com' ? 'chatgpt' : null);
    expect(toolOfApp({ appName: 'Some Connector', host: 'Chat.OpenAI.com' }, hosts)).toBe(
      'chatgpt',
    );
    expect(toolOfApp({ appName: 'Claude', host: 'bakery.example' }, hosts)).toBe('claude');
    expect(toolOfApp({ appName: 'Bakery', host: 'bakery.example' }, hosts)).toBeNull();
  });

  it('should key names without surrounding punctuation', () => {
    expect(appNameKey(' "ChatGPT". ')).toBe('chatgpt');
  });
});

describe('sensitiveScopes', () => {
  it('should keep mail, drive and calendar scopes only', () => {
    expect(
      sensitiveScopes([
        'openid',
        'https://www.googleapis.com/auth/userinfo.email',
        'https://www.googleapis.com/auth/gmail.readonly',
        'https://mail.google.com/',
        'https://www.googleapis.com/auth/drive.file',
        'https://www.googleapis.com/auth/drive',
        'https://www.googleapis.com/auth/calendar.events',
        'https://www.googleapis.com/auth/contacts.readonly',
        'https://www.googleapis.com/auth/drivelabels.readonly',
        'Mail.Read',
        'User.Read',
        'Files.ReadWrite.All',
      ]),
    ).toEqual([
      'https://www.googleapis.com/auth/gmail.readonly',
      'https://mail.google.com/',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/calendar.events',
      'Mail.Read',
      'Files.ReadWrite.All',
    ]);
  });

  it('should find nothing sensitive in sign-in scopes', () => {
    expect(sensitiveScopes(['openid', 'email', 'profile'])).toEqual([]);
  });
});
