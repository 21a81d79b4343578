import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { PersonDataSection } from '../common/person-data';
import { AppConfig } from '../config/app-config';
import { PeopleService } from '../people/people.service';
import { SurveyEntity } from './entities/survey.entity';
import type { FormLanguage } from './i18n/languages';
import { compactSurveyTexts, type SurveyTextTranslations } from './i18n/survey-texts';
import {
  buildTemplate,
  TEMPLATE_TEXTS,
  TEMPLATE_TITLES,
  type SurveyTemplate,
} from './survey-templates';
import { SurveyCatalog } from './survey-catalog';
import { accountOf, dataClassesOf } from './survey-questions';
import { SurveySecrets } from './survey-secrets';
import { answerValues, type PrivacyMode, type QuestionDefinition } from './survey.types';
import { SurveysRepository } from './surveys.repository';
import { identifierPattern } from '../common/identifier-redaction';
import { SurveyErasureRepository, type SurveyPurgeCount } from './survey-erasure.repository';

/** One respondent said they use a tool: what correlation counts as disclosed. */
export interface DisclosedUse {
  personId: string;
  surveyId: string;
  toolId: string;
  dataClasses: string[];
  account: 'company' | 'personal' | 'unknown';
  /** how sure the answer names the tool: below 1 for a misspelt name in free text */
  confidence: number;
}

/** Surveys as the CoE creates, reads and closes them, and what the findings module asks of them. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly people: PeopleService,
    private readonly catalog: SurveyCatalog,
    private readonly secrets: SurveySecrets,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly erasure: SurveyErasureRepository,
  ) {}

  // ── Subject access (privacy): invitations and the answers a survey's mode links to the person ──

  /**
   * The person's invitations, and their answers where the survey's mode keeps a link: identified
   * (by person id) and pseudonymous (by the keyed pseudonym, recomputed here; pseudonymised data
   * is still theirs). Anonymous answers keep no link and are never returned.
   */
  async personData(personId: string): Promise<PersonDataSection[]> {
    const [invitations, answers] = await Promise.all([
      this.repo.invitationsOfPerson(personId),
      this.repo.linkedResponsesOf(personId, this.secrets.pseudonym(personId)),
    ]);
    return [
      {
        kind: 'survey-invitations',
        rows: invitations.map((i) => ({
          survey: i.surveyId,
          title: i.title,
          privacyMode: i.privacyMode,
          invitedAt: i.createdAt.toISOString(),
          expiresAt: i.expiresAt.toISOString(),
          respondedOn: i.respondedOn,
        })),
      },
      {
        kind: 'survey-answers',
        rows: answers.map((a) => ({
          survey: a.surveyId,
          title: a.title,
          privacyMode: a.privacyMode,
          linkedBy: a.privacyMode === 'identified' ? 'person' : 'pseudonym',
          source: a.source,
          submittedOn: a.submittedOn,
          answers: a.answers,
          tools: a.toolIds,
        })),
      },
    ];
  }

  // ── end of subject access ──

  async createSurvey(
    input: {
      title: string;
      description?: string;
      privacyMode: PrivacyMode;
      k?: number;
      template?: SurveyTemplate;
      translations?: SurveyTextTranslations;
      invitationLanguage?: FormLanguage;
    },
    actor: Actor,
  ) {
    const template = input.template ?? 'ai-usage-inventory';
    const { questions, sections } = buildTemplate(template, await this.catalog.tools());
    const title = input.title || TEMPLATE_TITLES[template];
    const survey = await this.repo.createSurvey({
      title,
      description: input.description ?? null,
      privacyMode: input.privacyMode,
      k: input.k ?? this.config.privacyK,
      source: 'form',
      importFormat: null,
      createdBy: actor.name,
      template: template === 'blank' ? null : template,
      sections,
      // a kept built-in title reads in every form language; the author's own words win
      translations: compactSurveyTexts({
        ...(title === TEMPLATE_TITLES[template] ? TEMPLATE_TEXTS[template] : {}),
        ...input.translations,
      }),
      invitationLanguage: input.invitationLanguage ?? 'en',
    });
    if (questions.length) await this.repo.replaceQuestions(survey.id, questions);
    await this.auditCreated(survey, actor);
    return this.getSurvey(survey.id);
  }

  /** One record for a new survey, whether made by hand or by an import. */
  async auditCreated(survey: SurveyEntity, actor: Actor): Promise<void> {
    await this.audit.record({
      actor,
      action: 'survey.create',
      targetType: 'survey',
      targetId: survey.id,
      detail: { privacyMode: survey.privacyMode, k: survey.k },
    });
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
      // The adoption-survey fields only when set, so inventory questions read as before.
      ...(q.section ? { section: q.section } : {}),
      ...(q.items.length ? { items: q.items } : {}),
      ...(q.number ? { number: q.number } : {}),
      ...(q.showIf ? { showIf: q.showIf } : {}),
      ...(Object.keys(q.translations).length ? { translations: q.translations } : {}),
    }));
  }

  /** The title and description in other languages, and the language of the survey's e-mails. */
  async setTexts(
    id: string,
    input: { translations?: SurveyTextTranslations; invitationLanguage?: FormLanguage },
    actor: Actor,
  ) {
    const survey = await this.requireSurvey(id);
    const translations = compactSurveyTexts(input.translations ?? survey.translations ?? {});
    const invitationLanguage = input.invitationLanguage ?? survey.invitationLanguage;
    await this.repo.setTexts(id, translations, invitationLanguage);
    await this.audit.record({
      actor,
      action: 'survey.texts',
      targetType: 'survey',
      targetId: id,
      detail: { languages: Object.keys(translations), invitationLanguage },
    });
    return this.getSurvey(id);
  }

  async close(id: string, actor: Actor): Promise<void> {
    await this.requireSurvey(id);
    await this.repo.setStatus(id, 'closed');
    await this.audit.record({ actor, action: 'survey.close', targetType: 'survey', targetId: id });
  }

  /**
   * For the findings module: who was surveyed (invited to, or answered, an identified or
   * pseudonymous survey), who of them answered, and, per person and tool, what they disclosed.
   * Anonymous surveys are never included: nothing ties their answers to anyone.
   */
  async disclosuresForCorrelation(): Promise<{
    surveyedPersonIds: string[];
    respondentPersonIds: string[];
    disclosures: DisclosedUse[];
  }> {
    const linkedSurveys = await this.repo.surveyIdsWithPrivacy(['identified', 'pseudonymous']);
    const rows = await this.repo.linkableResponses();
    const byPseudonym = rows.some((r) => r.pseudonym)
      ? this.secrets.pseudonymIndex(await this.people.allPersonIds())
      : new Map<string, string>();
    const surveyed = new Set(await this.repo.invitedPersonIds(linkedSurveys));
    const respondents = new Set<string>();
    const disclosures: DisclosedUse[] = [];
    const questionCache = new Map<string, QuestionDefinition[]>();
    for (const row of rows) {
      const personId = row.personId ?? byPseudonym.get(row.pseudonym ?? '');
      if (!personId) continue;
      surveyed.add(personId);
      respondents.add(personId);
      if (!questionCache.has(row.surveyId))
        questionCache.set(row.surveyId, await this.questionsOf(row.surveyId));
      const questions = questionCache.get(row.surveyId) as QuestionDefinition[];
      const answersFor = (role: string) =>
        questions.filter((q) => q.role === role).flatMap((q) => answerValues(row.answers[q.key]));
      const dataClasses = dataClassesOf(answersFor('data-classes'));
      const account = accountOf(answersFor('account'));
      for (const toolId of row.toolIds) {
        const confidence = row.toolConfidence[toolId] ?? 1;
        disclosures.push({
          personId,
          surveyId: row.surveyId,
          toolId,
          dataClasses,
          account,
          confidence,
        });
      }
    }
    return {
      surveyedPersonIds: [...surveyed].sort(),
      respondentPersonIds: [...respondents].sort(),
      disclosures,
    };
  }

  // --- erasure (privacy) ---

  /** Removes the person's identified answers, invitations and drafts; pseudonymous answers stay, unlinked. */
  async erasePerson(personId: string): Promise<Record<string, number>> {
    const ids = await this.people.identifiersOf(personId);
    const keys = (ids?.identities ?? [])
      .filter((i) => i.kind === 'email' || i.kind === 'github' || i.kind === 'username')
      .map((i) => i.value);
    return this.erasure.erase(
      personId,
      this.secrets.pseudonym(personId),
      keys,
      identifierPattern(ids?.strings ?? [personId]),
    );
  }

  // --- retention (privacy) ---

  /** RETENTION_SURVEY_DAYS: answers, drafts and invitations of surveys closed before `cutoff` go. */
  purgeClosedBefore(cutoff: Date, dryRun: boolean): Promise<SurveyPurgeCount> {
    return this.erasure.purgeClosedBefore(cutoff, dryRun);
  }
}
