import { withLanguage } from './i18n/languages';
import { localizeSurveyTexts } from './i18n/survey-texts';
import { Injectable } from '@nestjs/common';
import { toCsv } from '../common/csv';
import { DomainError, ErrorCode } from '../common/domain-error';
import { PeopleService } from '../people/people.service';
import type { IssueInvitationsDto } from './dto/survey.dto';
import { SurveyEntity } from './entities/survey.entity';
import { hashLinkToken, newLinkToken } from './survey-secrets';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

export type Invitees = Pick<IssueInvitationsDto, 'personIds' | 'teamId' | 'everyone'>;

export interface IssuedLinks {
  issued: number;
  alreadyAnswered: number;
  expiresAt: Date;
  links: { personId: string; email: string | null; name: string | null; url: string }[];
  /** the same links as a mail-merge CSV */
  csv: string;
}

const DAY_MS = 86_400_000;

/** Who is asked to answer, and the links they answer through. */
@Injectable()
export class SurveyInvitationsService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly people: PeopleService,
  ) {}

  /** Who an invitation request names, checked (open survey, known people, someone at all). */
  async resolveInvitees(surveyOrId: SurveyEntity | string, dto: Invitees): Promise<string[]> {
    const survey =
      typeof surveyOrId === 'string' ? await this.surveys.requireSurvey(surveyOrId) : surveyOrId;
    const id = survey.id;
    if (survey.status !== 'open')
      throw new DomainError(ErrorCode.Conflict, `survey ${id} is ${survey.status}`);
    let personIds: string[] = [];
    if (dto.everyone) personIds = await this.people.allPersonIds();
    else {
      if (dto.teamId) personIds.push(...(await this.people.personIdsInTeam(dto.teamId)));
      if (dto.personIds?.length) {
        const existing = new Set(await this.people.existingPersonIds(dto.personIds));
        const missing = dto.personIds.filter((p) => !existing.has(p));
        if (missing.length)
          throw new DomainError(
            ErrorCode.InvalidInput,
            `personIds: unknown people ${missing.slice(0, 5).join(', ')}`,
          );
        personIds.push(...dto.personIds);
      }
    }
    personIds = [...new Set(personIds)];
    if (personIds.length === 0)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'no one to invite: give personIds, teamId or everyone',
      );
    return personIds;
  }

  /**
   * Single-use links, one per person. Tokens are returned once (and as a mail-merge CSV) and stored
   * only as hashes; issuing again rotates the link of anyone who has not answered yet.
   */
  async issue(
    id: string,
    dto: Invitees & { expiresInDays?: number },
    baseUrl: string,
  ): Promise<IssuedLinks> {
    const survey = await this.surveys.requireSurvey(id);
    const personIds = await this.resolveInvitees(survey, dto);
    const tokens = new Map(personIds.map((p) => [p, newLinkToken()]));
    const expiresAt = new Date(Date.now() + (dto.expiresInDays ?? 30) * DAY_MS);
    const issued = await this.repo.upsertInvitations(
      id,
      personIds.map((p) => ({ personId: p, tokenHash: hashLinkToken(tokens.get(p) as string) })),
      expiresAt,
    );
    const contacts = await this.people.contactsOf(issued);
    // A survey mailed in another language opens the form in it; an English one leaves the choice
    // to the respondent's browser, since English is also what is assumed when nothing is known.
    const lang = survey.invitationLanguage ?? 'en';
    const links = issued.map((personId) => ({
      personId,
      email: contacts.get(personId)?.email ?? null,
      name: contacts.get(personId)?.name ?? null,
      url:
        lang === 'en'
          ? `${baseUrl}/s/${tokens.get(personId)}`
          : withLanguage(`${baseUrl}/s/${tokens.get(personId)}`, lang),
    }));
    const csv = toCsv(
      ['email', 'name', 'survey', 'link', 'expires'],
      links.map((l) => [
        l.email,
        l.name,
        localizeSurveyTexts(survey, lang).title,
        l.url,
        expiresAt.toISOString().slice(0, 10),
      ]),
    );
    return {
      issued: links.length,
      alreadyAnswered: personIds.length - issued.length,
      expiresAt,
      links,
      csv,
    };
  }

  /** Reminders: new links for everyone invited who has not answered yet (their old links stop working). */
  async remind(id: string, baseUrl: string, expiresInDays?: number): Promise<IssuedLinks> {
    const pending = await this.pendingInvitees(id);
    return this.issue(id, { personIds: pending, expiresInDays }, baseUrl);
  }

  /** Everyone invited who has not answered yet; a conflict when that is no one. */
  async pendingInvitees(id: string): Promise<string[]> {
    await this.surveys.requireSurvey(id);
    const pending = (await this.repo.invitationsOf(id))
      .filter((i) => !i.responded)
      .map((i) => i.personId);
    if (pending.length === 0)
      throw new DomainError(ErrorCode.Conflict, `survey ${id}: everyone invited has answered`);
    return pending;
  }

  /** One shared link for an anonymous survey; issuing again replaces it. */
  async createOpenLink(id: string, baseUrl: string): Promise<{ url: string }> {
    const survey = await this.surveys.requireSurvey(id);
    if (survey.privacyMode !== 'anonymous')
      throw new DomainError(
        ErrorCode.Conflict,
        `an open link needs an anonymous survey; survey ${id} is ${survey.privacyMode}`,
      );
    const token = newLinkToken();
    await this.repo.setOpenTokenHash(id, hashLinkToken(token));
    return { url: `${baseUrl}/s/open/${token}` };
  }
}
