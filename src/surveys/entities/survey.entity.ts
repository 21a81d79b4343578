import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FormLanguage } from '../i18n/languages';
import type { SurveyTextTranslations } from '../i18n/survey-texts';
import type { PrivacyMode, SurveySection } from '../survey.types';

@Entity('survey')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** the title and description in the form's other languages: { de: { title, description } } */
  @Column('jsonb', { default: {} })
  translations: SurveyTextTranslations;

  /** the language invitations and reminders are written in (the directory keeps none per person) */
  @Column('text', { name: 'invitation_language', default: 'en' })
  invitationLanguage: FormLanguage;

  @Column('text', { name: 'privacy_mode' })
  privacyMode: PrivacyMode;

  @Column('integer')
  k: number;

  @Column('text')
  status: 'draft' | 'open' | 'closed';

  /** when it closed; RETENTION_SURVEY_DAYS counts from here. Null while not closed */
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('text')
  source: 'form' | 'import';

  @Column('text', { name: 'import_format', nullable: true })
  importFormat: string | null;

  @Column('text', { name: 'open_token_hash', nullable: true, select: false })
  openTokenHash: string | null;

  /** the first wave of the series this survey re-runs; null for a first wave */
  @Column('uuid', { name: 'series_id', nullable: true })
  seriesId: string | null;

  /** 1 for a first wave, then 2, 3 … within its series */
  @Column('integer', { default: 1 })
  wave: number;

  /** the built-in template the survey was made from, if any */
  @Column('text', { nullable: true })
  template: string | null;

  @Column('jsonb')
  sections: SurveySection[];

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
