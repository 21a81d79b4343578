import { realpathSync } from 'node:fs';
import { AppConfig, ConfigError } from './app-config';

describe(AppConfig.name, () => {
  it('should apply defaults when the environment is empty', () => {
    const sut = AppConfig.fromEnv({});
    expect(sut.port).toBe(3000);
    expect(sut.embeddedDatabase).toBe(true);
    expect(sut.embeddedJobs).toBe(true);
    expect(sut.privacyK).toBe(5);
    expect(sut.dataDir.endsWith('data')).toBe(true);
  });

  it('should name the variable when a value is bad', () => {
    expect(() => AppConfig.fromEnv({ PORT: 'eighty' })).toThrow(
      /PORT: .*must be a whole number.*"eighty"/,
    );
    expect(() => AppConfig.fromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(() => AppConfig.fromEnv({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
  });

  it('should run the ingest line sieve unless INGEST_SIEVE says off', () => {
    expect(AppConfig.fromEnv({}).ingestSieve).toBe(true);
    expect(AppConfig.fromEnv({ INGEST_SIEVE: 'off' }).ingestSieve).toBe(false);
    expect(() => AppConfig.fromEnv({ INGEST_SIEVE: 'no' })).toThrow(/INGEST_SIEVE/);
  });

  it('should read GitHub history from a clone unless GITHUB_GIT_HISTORY says api', () => {
    expect(AppConfig.fromEnv({}).githubGitHistory).toBe('clone');
    expect(AppConfig.fromEnv({ GITHUB_GIT_HISTORY: 'api' }).githubGitHistory).toBe('api');
    expect(() => AppConfig.fromEnv({ GITHUB_GIT_HISTORY: 'svn' })).toThrow(/GITHUB_GIT_HISTORY/);
  });

  it('should read the privacy contact and the stated retention periods when they are set', () => {
    const sut = AppConfig.fromEnv({
      PRIVACY_CONTACT: ' dpo@example.com ',
      RETENTION_EVIDENCE_DAYS: '365',
      RETENTION_AUDIT_DAYS: '730',
    });
    expect(sut.privacyContact).toBe('dpo@example.com');
    expect(sut.retentionDays).toEqual({ evidence: 365, surveys: undefined, audit: 730 });
    expect(AppConfig.fromEnv({}).retentionDays).toEqual({
      evidence: undefined,
      surveys: undefined,
      audit: undefined,
    });
    expect(() => AppConfig.fromEnv({ RETENTION_SURVEY_DAYS: '0' })).toThrow(
      /RETENTION_SURVEY_DAYS: .*"0"/,
    );
  });

  it('should never echo a secret value when it is invalid', () => {
    const message = configErrorOf({ SURVEY_PSEUDONYM_KEY: 'short-secret-value' });
    expect(message).toContain('SURVEY_PSEUDONYM_KEY');
    expect(message).not.toContain('short-secret-value');
  });

  it('should keep secrets out of serialisation when they are set', () => {
    const sut = AppConfig.fromEnv({
      GITHUB_TOKEN: 'ghp_verysecret',
      DATABASE_URL: 'postgres://u:pw@h/db',
    });
    expect(sut.githubToken).toBe('ghp_verysecret');
    expect(JSON.stringify(sut)).not.toContain('ghp_verysecret');
    expect(sut.describe()).not.toContain('pw');
  });

  it('should reject risk weights that are not numbers when given as JSON', () => {
    expect(() => AppConfig.fromEnv({ RISK_WEIGHTS: '{"policy": "high"}' })).toThrow(
      /RISK_WEIGHTS.policy/,
    );
    expect(AppConfig.fromEnv({ RISK_WEIGHTS: '{"policy": 40}' }).riskWeights).toEqual({
      policy: 40,
    });
  });

  it('should keep SMTP_URL secret and strip the slash off PUBLIC_URL when both are set', () => {
    const sut = AppConfig.fromEnv({
      SMTP_URL: 'smtps://mailer:hunter2@mail.example.com:465',
      PUBLIC_URL: 'https://census.example.org/ai/',
    });
    expect(sut.smtpUrl).toBe('smtps://mailer:hunter2@mail.example.com:465');
    expect(sut.smtpFrom).toBe('AI Census <ai-census@localhost>');
    expect(sut.publicUrl).toBe('https://census.example.org/ai');
    expect(JSON.stringify(sut)).not.toContain('hunter2');
    expect(Object.keys(sut)).not.toContain('smtpUrl');
  });

  it('should reject a mail or public URL of the wrong scheme without echoing the secret one', () => {
    const message = configErrorOf({ SMTP_URL: 'http://mailer:hunter2@mail.example.com' });
    expect(message).toMatch(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL \(got \(value hidden\)\)/,
    );
    expect(message).not.toContain('hunter2');
    expect(() => AppConfig.fromEnv({ PUBLIC_URL: 'census.example.org' })).toThrow(
      /PUBLIC_URL: must be an http\(s\) URL/,
    );
  });

  it('should keep the real paths of LOCAL_SCAN_ROOTS and refuse a relative or missing one', () => {
    expect(AppConfig.fromEnv({}).localScanRoots).toEqual([]);
    expect(
      AppConfig.fromEnv({ LOCAL_SCAN_ROOTS: `/tmp/../tmp:${__dirname}` }).localScanRoots,
    ).toEqual([realpathSync('/tmp'), realpathSync(__dirname)]);
    expect(() => AppConfig.fromEnv({ LOCAL_SCAN_ROOTS: 'checkouts' })).toThrow(
      /LOCAL_SCAN_ROOTS: "checkouts" is not absolute/,
    );
    expect(() => AppConfig.fromEnv({ LOCAL_SCAN_ROOTS: '/no/such/root' })).toThrow(ConfigError);
  });

  it('should name a bad GITHUB_API_URL without echoing it, since it may hold credentials', () => {
    const message = configErrorOf({ GITHUB_API_URL: 'ftp://user:hunter2@ghe.example' });
    expect(message).toMatch(/GITHUB_API_URL: must be an http\(s\) URL/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('ghe.example');
  });

  it('should read console session lifetimes and refuse an idle time longer than the maximum', () => {
    const config = AppConfig.fromEnv({
      CONSOLE_SESSION_IDLE_SECONDS: '600',
      CONSOLE_SESSION_MAX_SECONDS: '3600',
      ORGANISATION_NAME: ' Example Corp ',
    });
    expect(config.consoleSession).toEqual({ idleMs: 600_000, maxMs: 3_600_000 });
    expect(config.organisationName).toBe('Example Corp');
    expect(
      configErrorOf({ CONSOLE_SESSION_IDLE_SECONDS: '7200', CONSOLE_SESSION_MAX_SECONDS: '3600' }),
    ).toMatch(
      /CONSOLE_SESSION_IDLE_SECONDS \(7200\) must not exceed CONSOLE_SESSION_MAX_SECONDS \(3600\)/,
    );
    expect(configErrorOf({ CONSOLE_SESSION_IDLE_SECONDS: '0' })).toMatch(
      /CONSOLE_SESSION_IDLE_SECONDS: must not be less than 1/,
    );
  });
});

function configErrorOf(env: Record<string, string>): string {
  try {
    AppConfig.fromEnv(env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the configuration was accepted');
}
