import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASED_MARK } from '../common/identifier-redaction';

/** What the retention purge removes (or, on a dry run, would remove) of closed surveys. */
export interface SurveyPurgeCount {
  /** closed surveys that lost (or would lose) answers, drafts or invitations */
  surveys: number;
  responses: number;
  invitations: number;
  drafts: number;
}

/** The survey tables as an erasure, or the retention purge, changes them; each in one transaction. */
@Injectable()
export class SurveyErasureRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Identified answers (linked by person or by the export's respondent key) go; a pseudonymous
   * answer loses its pseudonym and stays as an anonymous one; invitations and drafts go.
   */
  async erase(
    personId: string,
    pseudonym: string,
    respondentKeys: string[],
    pattern: string | null,
  ): Promise<Record<string, number>> {
    return this.ds.transaction(async (m) => {
      const n = (r: unknown) => (r as [unknown, number])[1];
      const drafts = n(
        await m.query(
          `DELETE FROM survey_draft WHERE token_hash IN
             (SELECT token_hash FROM survey_invitation WHERE person_id = $1)`,
          [personId],
        ),
      );
      const invitations = n(
        await m.query(`DELETE FROM survey_invitation WHERE person_id = $1`, [personId]),
      );
      const answers = n(
        await m.query(
          `DELETE FROM survey_response
            WHERE person_id = $1 OR lower(respondent_key) = ANY ($2::text[])`,
          [personId, respondentKeys.map((k) => k.toLowerCase())],
        ),
      );
      const unlinked = n(
        await m.query(`UPDATE survey_response SET pseudonym = NULL WHERE pseudonym = $1`, [
          pseudonym,
        ]),
      );
      const scrubbed = pattern
        ? n(
            await m.query(
              `UPDATE survey_response SET answers = regexp_replace(answers::text, $1, $2, 'gi')::jsonb
                WHERE answers::text ~* $1`,
              [pattern, ERASED_MARK],
            ),
          )
        : 0;
      return {
        surveyAnswers: answers,
        surveyAnswersUnlinked: unlinked,
        surveyAnswersScrubbed: scrubbed,
        surveyInvitations: invitations,
        surveyDrafts: drafts,
      };
    });
  }

  /**
   * Answers, drafts and invitations of the surveys closed before `cutoff` go; the survey and its
   * questions stay. An open (or draft) survey is never touched, however old.
   */
  async purgeClosedBefore(cutoff: Date, dryRun: boolean): Promise<SurveyPurgeCount> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `WITH expired AS (SELECT id FROM survey WHERE status = 'closed' AND closed_at < $1),
              counts AS (
                SELECT e.id,
                       (SELECT count(*) FROM survey_response r WHERE r.survey_id = e.id) AS responses,
                       (SELECT count(*) FROM survey_invitation i WHERE i.survey_id = e.id) AS invitations,
                       (SELECT count(*) FROM survey_draft d WHERE d.survey_id = e.id) AS drafts
                  FROM expired e)
         SELECT count(*) FILTER (WHERE responses + invitations + drafts > 0) AS surveys,
                COALESCE(sum(responses), 0) AS responses,
                COALESCE(sum(invitations), 0) AS invitations,
                COALESCE(sum(drafts), 0) AS drafts
           FROM counts`,
        [cutoff],
      );
      const count: SurveyPurgeCount = {
        surveys: Number(row.surveys),
        responses: Number(row.responses),
        invitations: Number(row.invitations),
        drafts: Number(row.drafts),
      };
      if (!dryRun && count.surveys > 0) {
        for (const table of ['survey_draft', 'survey_invitation', 'survey_response']) {
          await m.query(
            `DELETE FROM ${table} WHERE survey_id IN
               (SELECT id FROM survey WHERE status = 'closed' AND closed_at < $1)`,
            [cutoff],
          );
        }
      }
      return count;
    });
  }
}
