import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('survey_invitation')
export class SurveyInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  /** sha256 of the link token; the token itself is only ever shown once */
  @Column('text', { name: 'token_hash', unique: true })
  tokenHash: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** the day of the answer (no time, so it cannot be matched to an anonymous response) */
  @Column('date', { name: 'responded_on', nullable: true })
  respondedOn: string | null;
}
