/**
 * Which catalog tool an app in an identity provider's log is. Precision first: an app is mapped
 * only by its whole name (case, spacing and a trailing ".com"/".ai" aside), by a known OAuth client
 * id, or by a host the catalog matcher recognises; "Claude's Bakery Scheduler" is not Claude.
 */
const KNOWN_APP_NAMES: Record<string, string[]> = {
  chatgpt: [
    'chatgpt',
    'openai chatgpt',
    'chatgpt enterprise',
    'chatgpt team',
    'chatgpt connectors',
  ],
  claude: ['claude', 'claude.ai', 'anthropic claude', 'claude for work'],
  perplexity: ['perplexity', 'perplexity ai', 'perplexity.ai', 'perplexity enterprise'],
  gemini: ['gemini', 'google gemini'],
  'microsoft-copilot': ['microsoft copilot', 'microsoft 365 copilot', 'copilot'],
  'github-copilot': ['github copilot'],
  cursor: ['cursor', 'cursor.com', 'cursor ai', 'cursor editor'],
  otter: ['otter', 'otter.ai', 'otter ai', 'otterpilot'],
  fireflies: ['fireflies', 'fireflies.ai', 'fireflies ai', 'fireflies.ai notetaker'],
  grammarly: ['grammarly', 'grammarly business', 'grammarly for google docs'],
  notebooklm: ['notebooklm'],
  glean: ['glean'],
  'zoom-ai-companion': ['zoom ai companion'],
  'atlassian-rovo': ['atlassian rovo', 'rovo'],
};

const BY_NAME = new Map<string, string>(
  Object.entries(KNOWN_APP_NAMES).flatMap(([tool, names]) => names.map((n) => [n, tool])),
);

export interface IdpApp {
  appName: string;
  clientId?: string;
  /** a redirect URI or sign-on URL host the log gives, if any */
  host?: string;
}

/** Whole-name key: lower case, single spaces, no surrounding punctuation or trademark signs. */
export function appNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[™®©]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'`.,:;-]+|[\s"'`.,:;-]+$/g, '');
}

/**
 * The catalog tool of an app, or null when it is not known for sure. `toolOfHost` is the catalog
 * matcher's domain lookup, used when the log names the app's host.
 */
export function toolOfApp(
  app: IdpApp,
  toolOfHost: (host: string) => string | null = () => null,
): string | null {
  if (app.host) {
    const byHost = toolOfHost(app.host.toLowerCase());
    if (byHost) return byHost;
  }
  return BY_NAME.get(appNameKey(app.appName)) ?? null;
}

/** Google and Microsoft scopes that reach a person's mail, files or calendar. */
export function sensitiveScopes(scopes: readonly string[]): string[] {
  return scopes.filter((raw) => {
    const s = raw.trim().toLowerCase();
    const google = /^https:\/\/www\.googleapis\.com\/auth\/(gmail|drive|calendar)([./]|$)/.exec(s);
    if (google || s === 'https://mail.google.com/' || s === 'https://mail.google.com') return true;
    // Microsoft Graph delegated permissions (Mail.Read, Files.ReadWrite.All, Calendars.Read …)
    return /^(https:\/\/graph\.microsoft\.com\/)?(mail|files|calendars|sites)\.[a-z.]+$/.test(s);
  });
}

/** Every app name known to be an AI tool, for a query that filters on the identity provider's side. */
export function knownAiAppNames(): string[] {
  return [...BY_NAME.keys()];
}
