import { randomBytes } from 'node:crypto';
import { keyIdOf, openCredential, parseCredentialKey, sealCredential } from './credential-cipher';

describe('credential cipher', () => {
  const key = randomBytes(32);
  const next = randomBytes(32);

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = sealCredential('crsr_secret_value', key, 'cursor');
    expect(sealed.keyId).toBe(keyIdOf(key));
    expect(Buffer.from(sealed.sealed, 'base64').toString('latin1')).not.toContain('crsr_secret');
    expect(openCredential(sealed, [key], 'cursor')).toBe('crsr_secret_value');
  });

  it('refuses a value moved to another connector or tampered with', () => {
    const sealed = sealCredential('s', key, 'cursor');
    expect(() => openCredential(sealed, [key], 'openai')).toThrow();
    const raw = Buffer.from(sealed.sealed, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() =>
      openCredential({ ...sealed, sealed: raw.toString('base64') }, [key], 'cursor'),
    ).toThrow();
  });

  it('opens a value sealed with the previous key during a rotation, and names a missing key', () => {
    const old = sealCredential('s', key, 'okta');
    expect(openCredential(old, [next, key], 'okta')).toBe('s');
    expect(() => openCredential(old, [next], 'okta')).toThrow(/CONNECTOR_CREDENTIALS_KEY_PREVIOUS/);
  });

  it('names the setting when a key is not 32 bytes', () => {
    expect(() =>
      parseCredentialKey(Buffer.alloc(16).toString('base64'), 'CONNECTOR_CREDENTIALS_KEY'),
    ).toThrow(/CONNECTOR_CREDENTIALS_KEY must be 32 bytes/);
  });
});
