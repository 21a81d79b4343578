import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Connector credentials are kept encrypted at rest with AES-256-GCM. The key comes from the
 * configuration (CONNECTOR_CREDENTIALS_KEY, 32 bytes in base64); each sealed value names the key
 * it was sealed with by a short fingerprint, so a rotation can open old values with the previous
 * key (CONNECTOR_CREDENTIALS_KEY_PREVIOUS) and seal them again with the new one.
 */
export interface SealedCredential {
  keyId: string;
  /** base64 of iv (12) ‖ tag (16) ‖ ciphertext */
  sealed: string;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export function parseCredentialKey(base64: string, setting: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) {
    throw new Error(
      `${setting} must be 32 bytes in base64 (openssl rand -base64 32), got ${key.length} bytes`,
    );
  }
  return key;
}

export function sealCredential(secret: string, key: Buffer, context: string): SealedCredential {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // the connector id is bound in, so a sealed value copied to another connector does not open
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return {
    keyId: keyIdOf(key),
    sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
  };
}

export function openCredential(
  value: SealedCredential,
  keys: readonly Buffer[],
  context: string,
): string {
  const key = keys.find((k) => keyIdOf(k) === value.keyId);
  if (!key) {
    throw new Error(
      `the credential was sealed with key ${value.keyId}, which is neither CONNECTOR_CREDENTIALS_KEY nor CONNECTOR_CREDENTIALS_KEY_PREVIOUS`,
    );
  }
  const raw = Buffer.from(value.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
