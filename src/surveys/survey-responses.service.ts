import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import { Role, type Actor } from '../auth/role';
import { PeopleService } from '../people/people.service';
import { SurveySecrets } from './survey-secrets';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

/**
 * Person-level answers, gated by the survey's privacy mode. Identified: person ids for admin, CoE
 * and security. Pseudonymous: the pseudonym for admin and CoE; security also sees the person it
 * stands for. Anonymous: no link.
 */
@Injectable()
export class SurveyResponsesService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly people: PeopleService,
    private readonly secrets: SurveySecrets,
    private readonly audit: AuditService,
  ) {}

  /** The read is audited as the actor's. */
  async responses(id: string, actor: Actor) {
    const survey = await this.surveys.requireSurvey(id);
    await this.audit.recordRead(actor, 'survey-response', id);
    const rows = await this.repo.listResponses(id);
    const reveal =
      survey.privacyMode === 'pseudonymous' && actor.role === Role.Security
        ? this.secrets.pseudonymIndex(await this.people.allPersonIds())
        : undefined;
    return rows.map((r) => ({
      id: r.id,
      submittedOn: r.submittedOn,
      source: r.source,
      personId:
        survey.privacyMode === 'identified' ? r.personId : (reveal?.get(r.pseudonym ?? '') ?? null),
      pseudonym: survey.privacyMode === 'pseudonymous' ? r.pseudonym : null,
      respondentKey: survey.privacyMode === 'identified' ? r.respondentKey : null,
      answers: r.answers,
      toolIds: r.toolIds,
    }));
  }
}
