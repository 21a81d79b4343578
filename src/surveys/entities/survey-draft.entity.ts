import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Answers } from '../survey.types';

@Entity('survey_draft')
export class SurveyDraftEntity {
  @PrimaryColumn('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  @Column('jsonb')
  answers: Answers;

  @Column('date', { name: 'updated_on' })
  updatedOn: string;
}
