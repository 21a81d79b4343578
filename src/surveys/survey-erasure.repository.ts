import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASED_MARK } from '../common/identifier-redaction';

/** The survey tables as an erasure changes them, in one transaction. */
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
}
