import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message in a tool request's discussion, from the CoE or the requester. */
@Entity('tool_request_comment')
export class ToolRequestCommentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  author: string;

  @Column({ name: 'by_requester', type: 'boolean', default: false })
  byRequester: boolean;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
