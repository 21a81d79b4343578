import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  Condition,
  NumberSpec,
  QuestionKind,
  QuestionOption,
  QuestionRole,
  QuestionScale,
  QuestionTranslation,
} from '../survey.types';

@Entity('survey_question')
export class SurveyQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  @Column('integer')
  position: number;

  @Column('text')
  key: string;

  @Column('text')
  text: string;

  @Column('text')
  kind: QuestionKind;

  @Column('text', { nullable: true })
  role: QuestionRole | null;

  @Column('boolean')
  required: boolean;

  @Column('text', { nullable: true })
  help: string | null;

  @Column('jsonb')
  options: QuestionOption[];

  @Column('boolean')
  multiple: boolean;

  @Column('jsonb', { nullable: true })
  scale: QuestionScale | null;

  @Column('text', { nullable: true })
  section: string | null;

  @Column('jsonb')
  items: QuestionOption[];

  @Column('jsonb', { nullable: true })
  number: NumberSpec | null;

  @Column('jsonb', { name: 'show_if', nullable: true })
  showIf: Condition | null;

  @Column('jsonb')
  translations: Record<string, QuestionTranslation>;
}
