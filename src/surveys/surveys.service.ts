import { toCsv } from '../common/csv';
import { Injectable } from '@nestjs/common';
import { Role, type Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { PeopleService } from '../people/people.service';
import type { IssueInvitationsDto } from './dto/survey.dto';
import { SurveyEntity } from './entities/survey.entity';
import { buildInventoryTemplate, INVENTORY_TEMPLATE_TITLE } from './inventory-template';
import { computeSurveyResults, type SurveyResults } from './results/survey-results';
import { SurveyCatalog } from './survey-catalog';
import { accountOf, dataClassesOf } from './survey-questions';
import { hashLinkToken, newLinkToken, SurveySecrets } from './survey-secrets';
import type { PrivacyMode, QuestionDefinition } from './survey.types';
import { SurveysRepository } from './surveys.repository';

/** One respondent said they use a tool: what correlation counts as disclosed. */
export interface DisclosedUse {
  personId: string;
  surveyId: string;
  toolId: string;
  dataClasses: string[];
  account: 'company' | 'personal' | 'unknown';
}

const DAY_MS = 86_400_000;

/** Surveys as the CoE manages them, their results, and what the findings module asks of them. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly people: PeopleService,
    private readonly catalog: SurveyCatalog,
    private readonly secrets: SurveySecrets,
    private readonly config: AppConfig,
  ) {}

  async createSurvey(
    input: {
      title: string;
      description?: string;
      privacyMode: PrivacyMode;
      k?: number;
      template?: 'ai-usage-inventory' | 'blank';
    },
    actor: Actor,
  ) {
    const survey = await this.repo.createSurvey({
      title: input.title || INVENTORY_TEMPLATE_TITLE,
      description: input.description ?? null,
      privacyMode: input.privacyMode,
      k: input.k ?? this.config.privacyK,
      source: 'form',
      importFormat: null,
      createdBy: actor.name,
    });
    if ((input.template ?? 'ai-usage-inventory') === 'ai-usage-inventory') {
      await this.repo.replaceQuestions(
        survey.id,
        buildInventoryTemplate(await this.catalog.tools()),
      );
    }
    return this.getSurvey(survey.id);
  }

  async getSurvey(
    id: string,
  ): Promise<SurveyEntity & { questions: QuestionDefinition[]; responses: number }> {
    const survey = await this.requireSurvey(id);
    return {
      ...survey,
      questions: await this.questionsOf(id),
      responses: await this.repo.countResponses(id),
    };
  }

  defaultK(): number {
    return this.config.privacyK;
  }

  listSurveys() {
    return this.repo.listSurveys();
  }

  async requireSurvey(id: string): Promise<SurveyEntity> {
    const survey = await this.repo.findSurvey(id);
    if (!survey) throw new DomainError(ErrorCode.NotFound, `no survey ${id}`);
    return survey;
  }

  async questionsOf(surveyId: string): Promise<QuestionDefinition[]> {
    return (await this.repo.listQuestions(surveyId)).map((q) => ({
      key: q.key,
      text: q.text,
      kind: q.kind,
      required: q.required,
      role: q.role,
      help: q.help,
      options: q.options,
      multiple: q.multiple,
      scale: q.scale,
    }));
  }

  /** The CoE's edit of the question list; refused once answers exist, since they would no longer fit. */
  async replaceQuestions(
    id: string,
    questions: QuestionDefinition[],
  ): Promise<QuestionDefinition[]> {
    await this.requireSurvey(id);
    if ((await this.repo.countResponses(id)) > 0)
      throw new DomainError(
        ErrorCode.Conflict,
        `survey ${id} already has answers; create a new survey to change its questions`,
      );
    const keys = new Set<string>();
    const tools = await this.catalog.tools();
    const checked = questions.map((q, i) => {
      if (keys.has(q.key))
        throw new DomainError(
          ErrorCode.InvalidInput,
          `questions[${i}].key: "${q.key}" is used twice`,
        );
      keys.add(q.key);
      if ((q.kind === 'single' || q.kind === 'multiple') && !(q.options ?? []).length) {
        throw new DomainError(
          ErrorCode.InvalidInput,
          `questions[${i}].options: a ${q.kind} choice question needs options`,
        );
      }
      if (q.kind === 'scale' && q.scale && q.scale.min >= q.scale.max)
        throw new DomainError(
          ErrorCode.InvalidInput,
          `questions[${i}].scale: min must be below max`,
        );
      const values = (q.options ?? []).map((o) => o.value);
      if (new Set(values).size !== values.length)
        throw new DomainError(
          ErrorCode.InvalidInput,
          `questions[${i}].options: a value is used twice`,
        );
      if (q.kind === 'tool-picker') {
        const known = new Map(tools.map((t) => [t.id, t.name]));
        const unknown = values.filter((v) => !known.has(v));
        if (unknown.length)
          throw new DomainError(
            ErrorCode.InvalidInput,
            `questions[${i}].options: not catalog tools: ${unknown.join(', ')}`,
          );
        const options = values.length
          ? values.map((v) => ({ value: v, label: known.get(v) as string }))
          : tools.filter((t) => !t.generic).map((t) => ({ value: t.id, label: t.name }));
        return { ...q, options, multiple: q.multiple ?? true };
      }
      return { ...q, multiple: q.kind === 'multiple' };
    });
    await this.repo.replaceQuestions(id, checked);
    return this.questionsOf(id);
  }

  /** Who an invitation request names, checked (open survey, known people, someone at all). */
  async resolveInvitees(
    surveyOrId: SurveyEntity | string,
    dto: Pick<IssueInvitationsDto, 'personIds' | 'teamId' | 'everyone'>,
  ): Promise<string[]> {
    const survey =
      typeof surveyOrId === 'string' ? await this.requireSurvey(surveyOrId) : surveyOrId;
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
  async issueInvitations(id: string, dto: IssueInvitationsDto, baseUrl: string) {
    const survey = await this.requireSurvey(id);
    const personIds = await this.resolveInvitees(survey, dto);
    const tokens = new Map(personIds.map((p) => [p, newLinkToken()]));
    const expiresAt = new Date(Date.now() + (dto.expiresInDays ?? 30) * DAY_MS);
    const issued = await this.repo.upsertInvitations(
      id,
      personIds.map((p) => ({ personId: p, tokenHash: hashLinkToken(tokens.get(p) as string) })),
      expiresAt,
    );
    const contacts = await this.people.contactsOf(issued);
    const links = issued.map((personId) => ({
      personId,
      email: contacts.get(personId)?.email ?? null,
      name: contacts.get(personId)?.name ?? null,
      url: `${baseUrl}/s/${tokens.get(personId)}`,
    }));
    const csv = toCsv(
      ['email', 'name', 'survey', 'link', 'expires'],
      links.map((l) => [
        l.email,
        l.name,
        survey.title,
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
  async remind(id: string, baseUrl: string, expiresInDays?: number) {
    const pending = await this.pendingInvitees(id);
    return this.issueInvitations(id, { personIds: pending, expiresInDays }, baseUrl);
  }

  /** Everyone invited who has not answered yet; a conflict when that is no one. */
  async pendingInvitees(id: string): Promise<string[]> {
    await this.requireSurvey(id);
    const pending = (await this.repo.invitationsOf(id))
      .filter((i) => !i.responded)
      .map((i) => i.personId);
    if (pending.length === 0)
      throw new DomainError(ErrorCode.Conflict, `survey ${id}: everyone invited has answered`);
    return pending;
  }

  /** One shared link for an anonymous survey; issuing again replaces it. */
  async createOpenLink(id: string, baseUrl: string): Promise<{ url: string }> {
    const survey = await this.requireSurvey(id);
    if (survey.privacyMode !== 'anonymous')
      throw new DomainError(
        ErrorCode.Conflict,
        `an open link needs an anonymous survey; survey ${id} is ${survey.privacyMode}`,
      );
    const token = newLinkToken();
    await this.repo.setOpenTokenHash(id, hashLinkToken(token));
    return { url: `${baseUrl}/s/open/${token}` };
  }

  async close(id: string): Promise<void> {
    await this.requireSurvey(id);
    await this.repo.setStatus(id, 'closed');
  }

  /** Aggregates for every role, suppressed under the survey's k. */
  async results(
    id: string,
  ): Promise<SurveyResults & { surveyId: string; privacyMode: PrivacyMode }> {
    const survey = await this.requireSurvey(id);
    const [questions, responses, invitations] = await Promise.all([
      this.questionsOf(id),
      this.repo.listResponses(id),
      this.repo.invitationsOf(id),
    ]);
    const personIds = [
      ...new Set([
        ...invitations.map((i) => i.personId),
        ...responses.map((r) => r.personId).filter((p): p is string => !!p),
      ]),
    ];
    const teams = await this.people.teamPathsOf(personIds);
    const results = computeSurveyResults({
      questions,
      k: survey.k,
      responses: responses.map((r) => ({
        answers: r.answers,
        toolIds: r.toolIds,
        team: r.personId ? (teams.get(r.personId) ?? null) : null,
      })),
      invitations: invitations.map((i) => ({
        team: teams.get(i.personId) ?? null,
        responded: i.responded,
      })),
    });
    return { surveyId: id, privacyMode: survey.privacyMode, ...results };
  }

  /**
   * Person-level answers. Identified: person ids for admin, CoE and security. Pseudonymous: the
   * pseudonym for admin and CoE; security also sees the person it stands for. Anonymous: no link.
   * The caller audits the read.
   */
  async responses(id: string, actor: Actor) {
    const survey = await this.requireSurvey(id);
    const rows = await this.repo.listResponses(id);
    const reveal =
      survey.privacyMode === 'pseudonymous' && actor.role === Role.Security
        ? await this.pseudonymIndex()
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

  /**
   * For the findings module: who was surveyed (invited to, or answered, an identified or
   * pseudonymous survey) and, per person and tool, what they disclosed. Anonymous surveys are never
   * included: nothing ties their answers to anyone.
   */
  async disclosuresForCorrelation(): Promise<{
    surveyedPersonIds: string[];
    disclosures: DisclosedUse[];
  }> {
    const linkedSurveys = await this.repo.surveyIdsWithPrivacy(['identified', 'pseudonymous']);
    const rows = await this.repo.linkableResponses();
    const byPseudonym = rows.some((r) => r.pseudonym)
      ? await this.pseudonymIndex()
      : new Map<string, string>();
    const surveyed = new Set(await this.repo.invitedPersonIds(linkedSurveys));
    const disclosures: DisclosedUse[] = [];
    const questionCache = new Map<string, QuestionDefinition[]>();
    for (const row of rows) {
      const personId = row.personId ?? byPseudonym.get(row.pseudonym ?? '');
      if (!personId) continue;
      surveyed.add(personId);
      if (!questionCache.has(row.surveyId))
        questionCache.set(row.surveyId, await this.questionsOf(row.surveyId));
      const questions = questionCache.get(row.surveyId) as QuestionDefinition[];
      const answersFor = (role: string) =>
        questions.filter((q) => q.role === role).flatMap((q) => [row.answers[q.key] ?? []].flat());
      const dataClasses = dataClassesOf(answersFor('data-classes'));
      const account = accountOf(answersFor('account'));
      for (const toolId of row.toolIds)
        disclosures.push({ personId, surveyId: row.surveyId, toolId, dataClasses, account });
    }
    return { surveyedPersonIds: [...surveyed].sort(), disclosures };
  }

  /** pseudonym → person id, by recomputing the keyed hash of every person in the directory */
  private async pseudonymIndex(): Promise<Map<string, string>> {
    const ids = await this.people.allPersonIds();
    return new Map(ids.map((id) => [this.secrets.pseudonym(id), id]));
  }
}
