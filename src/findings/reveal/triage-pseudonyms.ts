import { Injectable } from '@nestjs/common';
import { Role, type Actor } from '../../auth/role';
import { AppConfig } from '../../config/app-config';
import { triagePseudonym } from '../../common/triage-pseudonym';

/** Whether, and as what, a reader sees the people behind findings (PSEUDONYMISED_TRIAGE). */
@Injectable()
export class TriagePseudonyms {
  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.pseudonymisedTriage;
  }

  /** The roles that read person findings (security, CoE) read them under pseudonyms. */
  appliesTo(actor: Actor): boolean {
    return this.enabled && (actor.role === Role.Security || actor.role === Role.Coe);
  }

  of(personId: string): string {
    // AppConfig refuses to boot with the setting on and no key
    return triagePseudonym(this.config.triagePseudonymKey as string, personId);
  }
}
