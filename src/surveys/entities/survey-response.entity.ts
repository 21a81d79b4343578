import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Answers } from '../survey.types';

@Entity('survey_response')
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  /** identified surveys only */
  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  /** pseudonymous surveys only: HMAC of the person id under the server's key */
  @Column('text', { nullable: true })
  pseudonym: string | null;

  /** identified imports: the export's e-mail / token / id, kept so a human can link it later */
  @Column('text', { name: 'respondent_key', nullable: true })
  respondentKey: string | null;

  @Column('text')
  source: 'form' | 'open-link' | 'import';

  /** the respondent's team path when they answered, where the privacy mode keeps it (answer-team.ts) */
  @Column('text', { nullable: true })
  team: string | null;

  @Column('date', { name: 'submitted_on', nullable: true })
  submittedOn: string | null;

  @Column('jsonb')
  answers: Answers;

  @Column('text', { name: 'tool_ids', array: true })
  toolIds: string[];

  /** tool id → how sure the answer names it, for tools below 1 (a misspelt name in free text) */
  @Column('jsonb', { name: 'tool_confidence', default: {} })
  toolConfidence: Record<string, number>;
}
