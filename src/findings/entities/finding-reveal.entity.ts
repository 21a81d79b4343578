import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RevealState } from '../reveal/reveal-state';

/**
 * A request to see the person behind one pseudonymised finding: who asked and why, who decided,
 * and until when the approval holds. Only the requester sees the person, and only meanwhile.
 */
@Entity('finding_reveal')
export class FindingRevealEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @Column({ type: 'text' })
  state: RevealState;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'requested_by_token_id', type: 'uuid', nullable: true })
  requestedByTokenId: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_by_token_id', type: 'uuid', nullable: true })
  decidedByTokenId: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;

  /** set on approval: the person is shown to the requester until then */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** `pending` when the person is to be told of an approved reveal (REVEAL_NOTIFY_PERSON), else null */
  @Column({ name: 'notice_state', type: 'text', nullable: true })
  noticeState: string | null;
}
