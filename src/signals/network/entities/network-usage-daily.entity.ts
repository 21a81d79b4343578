import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { NetworkIdentityKind } from '../network.types';

/** bigint columns arrive as strings from pg; counts here stay far below 2^53. */
export const bigintToNumber = {
  to: (v: number) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('network_usage_daily')
@Unique('network_usage_daily_key', ['identityKind', 'identityValue', 'toolId', 'action', 'day'])
export class NetworkUsageDailyEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text', { name: 'identity_kind' })
  identityKind: NetworkIdentityKind;

  @Column('text', { name: 'identity_value' })
  identityValue: string;

  @Column('text', { name: 'tool_id' })
  toolId: string;

  /** the action the URL path showed (catalog action rules); '' when none did */
  @Column('text', { default: '' })
  action: string;

  /** YYYY-MM-DD, UTC */
  @Column('date')
  day: string;

  @Column('bigint', { transformer: bigintToNumber })
  requests: number;

  @Column('bigint', { name: 'bytes_up', transformer: bigintToNumber })
  bytesUp: number;

  @Column('bigint', { name: 'bytes_down', transformer: bigintToNumber })
  bytesDown: number;

  @Column('bigint', { transformer: bigintToNumber })
  blocked: number;

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen: Date;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
