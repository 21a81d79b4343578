import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

/** A link token: 192 random bits, URL-safe. Only its hash is stored. */
export function newLinkToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function pseudonymOf(subject: string, key: string): string {
  return `ps_${createHmac('sha256', key).update(subject, 'utf8').digest('hex').slice(0, 40)}`;
}

/**
 * The key behind pseudonyms: SURVEY_PSEUDONYM_KEY, else a random key generated once into the data
 * directory (mode 0600), so pseudonyms stay stable across restarts without configuration.
 */
@Injectable()
export class SurveySecrets {
  private key?: string;

  constructor(private readonly config: AppConfig) {}

  pseudonym(personId: string): string {
    return pseudonymOf(`person:${personId}`, this.pseudonymKey());
  }

  /** pseudonym → person id, by recomputing the keyed hash of each person given */
  pseudonymIndex(personIds: string[]): Map<string, string> {
    return new Map(personIds.map((id) => [this.pseudonym(id), id]));
  }

  private pseudonymKey(): string {
    if (this.key) return this.key;
    if (this.config.surveyPseudonymKey) return (this.key = this.config.surveyPseudonymKey);
    const file = join(this.config.dataDir, 'survey-pseudonym.key');
    if (!existsSync(file)) {
      mkdirSync(this.config.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return (this.key = readFileSync(file, 'utf8').trim());
  }
}
