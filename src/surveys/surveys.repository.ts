import type { FormLanguage } from './i18n/languages';
import type { SurveyTextTranslations } from './i18n/survey-texts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SurveyDraftEntity } from './entities/survey-draft.entity';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity';
import { SurveyQuestionEntity } from './entities/survey-question.entity';
import { SurveyResponseEntity } from './entities/survey-response.entity';
import { SurveyEntity } from './entities/survey.entity';
import type { Answers, PrivacyMode, QuestionDefinition, SurveySection } from './survey.types';

export interface NewResponse {
  surveyId: string;
  personId: string | null;
  pseudonym: string | null;
  respondentKey: string | null;
  source: 'form' | 'open-link' | 'import';
  submittedOn: string | null;
  /** the team when answered, as the survey's privacy mode allows (answer-team.ts); none by default */
  team?: string | null;
  answers: Answers;
  toolIds: string[];
  /** tools named with less than full confidence (a misspelt name in free text) */
  toolConfidence: Record<string, number>;
}

/** Surveys, questions, invitations, drafts and responses. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  createSurvey(fields: {
    title: string;
    description: string | null;
    privacyMode: PrivacyMode;
    k: number;
    source: 'form' | 'import';
    importFormat: string | null;
    createdBy: string;
    seriesId?: string | null;
    wave?: number;
    template?: string | null;
    sections?: SurveySection[];
    translations?: SurveyTextTranslations;
    invitationLanguage?: FormLanguage;
  }): Promise<SurveyEntity> {
    const repo = this.ds.getRepository(SurveyEntity);
    return repo.save(
      repo.create({
        seriesId: null,
        wave: 1,
        template: null,
        sections: [],
        ...fields,
        status: 'open',
        openTokenHash: null,
      }),
    );
  }

  /** The newest survey that re-runs an earlier one (wave 2 or later), for the baseline report. */
  latestLaterWave(): Promise<SurveyEntity | null> {
    return this.ds
      .getRepository(SurveyEntity)
      .createQueryBuilder('s')
      .where('s.wave > 1')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.wave', 'DESC')
      .getOne();
  }

  /** Every wave of a series (the first wave's id), first wave first. */
  listSeries(seriesId: string): Promise<SurveyEntity[]> {
    return this.ds.getRepository(SurveyEntity).find({
      where: [{ id: seriesId }, { seriesId }],
      order: { wave: 'ASC' },
    });
  }

  findSurvey(id: string): Promise<SurveyEntity | null> {
    return this.ds.getRepository(SurveyEntity).findOne({ where: { id } });
  }

  listSurveys(): Promise<SurveyEntity[]> {
    return this.ds.getRepository(SurveyEntity).find({ order: { createdAt: 'DESC' } });
  }

  async setStatus(id: string, status: 'draft' | 'open' | 'closed'): Promise<void> {
    // closing again keeps the first close: retention counts from it
    await this.ds.query(
      `UPDATE survey SET status = $2,
         closed_at = CASE WHEN $2 = 'closed' THEN COALESCE(closed_at, now()) END
        WHERE id = $1`,
      [id, status],
    );
  }

  async setTexts(
    id: string,
    translations: SurveyTextTranslations,
    invitationLanguage: FormLanguage,
  ): Promise<void> {
    await this.ds.query(
      `UPDATE survey SET translations = $2::jsonb, invitation_language = $3 WHERE id = $1`,
      [id, JSON.stringify(translations), invitationLanguage],
    );
  }

  async setOpenTokenHash(id: string, hash: string): Promise<void> {
    await this.ds.query(`UPDATE survey SET open_token_hash = $2 WHERE id = $1`, [id, hash]);
  }

  async findSurveyIdByOpenTokenHash(hash: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM survey WHERE open_token_hash = $1`,
      [hash],
    );
    return rows[0]?.id;
  }

  async replaceQuestions(surveyId: string, questions: QuestionDefinition[]): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query(`DELETE FROM survey_question WHERE survey_id = $1`, [surveyId]);
      if (questions.length === 0) return;
      await em.getRepository(SurveyQuestionEntity).insert(
        questions.map((q, position) => ({
          surveyId,
          position,
          key: q.key,
          text: q.text,
          kind: q.kind,
          role: q.role ?? null,
          required: q.required,
          help: q.help ?? null,
          options: q.options ?? [],
          multiple: q.multiple ?? false,
          scale: q.scale ?? null,
          section: q.section ?? null,
          items: q.items ?? [],
          number: q.number ?? null,
          showIf: q.showIf ?? null,
          translations: q.translations ?? {},
        })),
      );
    });
  }

  async setSections(surveyId: string, sections: SurveySection[]): Promise<void> {
    await this.ds.query(`UPDATE survey SET sections = $2 WHERE id = $1`, [
      surveyId,
      JSON.stringify(sections),
    ]);
  }

  listQuestions(surveyId: string): Promise<SurveyQuestionEntity[]> {
    return this.ds
      .getRepository(SurveyQuestionEntity)
      .find({ where: { surveyId }, order: { position: 'ASC' } });
  }

  /** (Re)issues links; a person who already answered keeps their used link and gets none. */
  async upsertInvitations(
    surveyId: string,
    rows: { personId: string; tokenHash: string }[],
    expiresAt: Date,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const result: { person_id: string }[] = await this.ds.query(
      `INSERT INTO survey_invitation (survey_id, person_id, token_hash, expires_at)
       SELECT $1, * , $4 FROM unnest($2::uuid[], $3::text[])
       ON CONFLICT (survey_id, person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
         expires_at = EXCLUDED.expires_at
       WHERE survey_invitation.responded_on IS NULL
       RETURNING person_id`,
      [surveyId, rows.map((r) => r.personId), rows.map((r) => r.tokenHash), expiresAt],
    );
    return result.map((r) => r.person_id);
  }

  findInvitationByTokenHash(hash: string): Promise<SurveyInvitationEntity | null> {
    return this.ds.getRepository(SurveyInvitationEntity).findOne({ where: { tokenHash: hash } });
  }

  async invitationsOf(surveyId: string): Promise<{ personId: string; responded: boolean }[]> {
    const rows: { person_id: string; responded: boolean }[] = await this.ds.query(
      `SELECT person_id, responded_on IS NOT NULL AS responded FROM survey_invitation WHERE survey_id = $1`,
      [surveyId],
    );
    return rows.map((r) => ({ personId: r.person_id, responded: r.responded }));
  }

  async invitedPersonIds(surveyIds: string[]): Promise<string[]> {
    const rows: { person_id: string }[] = await this.ds.query(
      `SELECT DISTINCT person_id FROM survey_invitation WHERE survey_id = ANY($1::uuid[])`,
      [surveyIds],
    );
    return rows.map((r) => r.person_id);
  }

  async saveDraft(
    tokenHash: string,
    surveyId: string,
    answers: Answers,
    day: string,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO survey_draft (token_hash, survey_id, answers, updated_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token_hash) DO UPDATE SET answers = EXCLUDED.answers, updated_on = EXCLUDED.updated_on`,
      [tokenHash, surveyId, JSON.stringify(answers), day],
    );
  }

  findDraft(tokenHash: string): Promise<SurveyDraftEntity | null> {
    return this.ds.getRepository(SurveyDraftEntity).findOne({ where: { tokenHash } });
  }

  /**
   * Stores a form answer atomically: the invitation is marked used (only if it was unused), the
   * draft deleted and the response inserted. Returns false when the link was already used.
   */
  async submitResponse(
    response: NewResponse,
    link: { invitationId?: string; respondedOn: string; draftHash: string; anonymous: boolean },
  ): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      if (link.invitationId) {
        const used: unknown[] = await em.query(
          `UPDATE survey_invitation SET responded_on = $2 WHERE id = $1 AND responded_on IS NULL RETURNING id`,
          [link.invitationId, link.respondedOn],
        );
        if (used.length === 0) return false;
      }
      await em.query(`DELETE FROM survey_draft WHERE token_hash = $1`, [link.draftHash]);
      await em.getRepository(SurveyResponseEntity).insert(response);
      if (link.anonymous) {
        // Rows lie in the order they were written, and every row carries the id of the
        // transaction that wrote it (xmin). Re-writing all of the survey's responses in the order
        // of their random ids, and touching all its invitations, leaves neither the submission
        // order nor a transaction id that pairs the invitation marked used with this answer.
        await em.query(
          `WITH gone AS (DELETE FROM survey_response WHERE survey_id = $1 RETURNING *)
           INSERT INTO survey_response SELECT * FROM gone ORDER BY id`,
          [response.surveyId],
        );
        await em.query(`UPDATE survey_invitation SET survey_id = survey_id WHERE survey_id = $1`, [
          response.surveyId,
        ]);
      }
      return true;
    });
  }

  async insertResponses(rows: NewResponse[]): Promise<void> {
    if (rows.length === 0) return;
    await this.ds.query(
      `INSERT INTO survey_response (survey_id, person_id, pseudonym, respondent_key, source, submitted_on, answers, tool_ids, tool_confidence, team)
       SELECT s.survey_id, s.person_id, s.pseudonym, s.respondent_key, s.source, s.submitted_on, s.answers::jsonb,
              ARRAY(SELECT jsonb_array_elements_text(s.tool_ids::jsonb)), s.tool_confidence::jsonb, s.team
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS s(survey_id, person_id, pseudonym, respondent_key, source, submitted_on, answers, tool_ids, tool_confidence, team)`,
      [
        rows.map((r) => r.surveyId),
        rows.map((r) => r.personId),
        rows.map((r) => r.pseudonym),
        rows.map((r) => r.respondentKey),
        rows.map((r) => r.source),
        rows.map((r) => r.submittedOn),
        rows.map((r) => JSON.stringify(r.answers)),
        rows.map((r) => JSON.stringify(r.toolIds)),
        rows.map((r) => JSON.stringify(r.toolConfidence)),
        rows.map((r) => r.team ?? null),
      ],
    );
  }

  listResponses(surveyId: string): Promise<SurveyResponseEntity[]> {
    return this.ds
      .getRepository(SurveyResponseEntity)
      .find({ where: { surveyId }, order: { submittedOn: 'ASC', id: 'ASC' } });
  }

  /** Responses that can be tied to a person: identified (person id) or pseudonymous (pseudonym). */
  async linkableResponses(): Promise<
    {
      surveyId: string;
      privacyMode: PrivacyMode;
      personId: string | null;
      pseudonym: string | null;
      answers: Answers;
      toolIds: string[];
      toolConfidence: Record<string, number>;
    }[]
  > {
    return this.ds.query(
      `SELECT r.survey_id AS "surveyId", s.privacy_mode AS "privacyMode", r.person_id AS "personId",
              r.pseudonym, r.answers, r.tool_ids AS "toolIds", r.tool_confidence AS "toolConfidence"
       FROM survey_response r JOIN survey s ON s.id = r.survey_id
       WHERE s.privacy_mode <> 'anonymous' AND (r.person_id IS NOT NULL OR r.pseudonym IS NOT NULL)`,
    );
  }

  invitationsOfPerson(personId: string): Promise<
    {
      surveyId: string;
      title: string;
      privacyMode: PrivacyMode;
      createdAt: Date;
      expiresAt: Date;
      respondedOn: string | null;
    }[]
  > {
    return this.ds.query(
      `SELECT i.survey_id AS "surveyId", s.title, s.privacy_mode AS "privacyMode",
              i.created_at AS "createdAt", i.expires_at AS "expiresAt",
              to_char(i.responded_on, 'YYYY-MM-DD') AS "respondedOn"
         FROM survey_invitation i JOIN survey s ON s.id = i.survey_id
        WHERE i.person_id = $1 ORDER BY i.created_at, i.id`,
      [personId],
    );
  }

  /** Identified answers by person id, pseudonymous ones by pseudonym; anonymous ones never. */
  linkedResponsesOf(
    personId: string,
    pseudonym: string,
  ): Promise<
    {
      surveyId: string;
      title: string;
      privacyMode: PrivacyMode;
      source: string;
      submittedOn: string | null;
      answers: Answers;
      toolIds: string[];
    }[]
  > {
    return this.ds.query(
      `SELECT r.survey_id AS "surveyId", s.title, s.privacy_mode AS "privacyMode", r.source,
              to_char(r.submitted_on, 'YYYY-MM-DD') AS "submittedOn", r.answers, r.tool_ids AS "toolIds"
         FROM survey_response r JOIN survey s ON s.id = r.survey_id
        WHERE (s.privacy_mode = 'identified' AND r.person_id = $1)
           OR (s.privacy_mode = 'pseudonymous' AND r.pseudonym = $2)
        ORDER BY r.submitted_on NULLS LAST, s.created_at, r.id`,
      [personId, pseudonym],
    );
  }

  async surveyIdsWithPrivacy(modes: PrivacyMode[]): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM survey WHERE privacy_mode = ANY($1::text[])`,
      [modes],
    );
    return rows.map((r) => r.id);
  }

  async countResponses(surveyId: string): Promise<number> {
    const rows: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM survey_response WHERE survey_id = $1`,
      [surveyId],
    );
    return Number(rows[0].n);
  }
}
