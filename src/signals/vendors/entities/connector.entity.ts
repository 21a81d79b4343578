import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A vendor or identity connector's settings and where its last run stopped. */
@Entity('connector')
export class ConnectorEntity {
  @PrimaryColumn('text', { name: 'connector_id' })
  connectorId: string;

  /** the admin API's base URL, set by an admin with the credential; null: the vendor's own */
  @Column('text', { name: 'api_url', nullable: true })
  apiUrl: string | null;

  /** AES-256-GCM sealed credential and the fingerprint of the key that sealed it */
  @Column('text', { name: 'sealed_credential', nullable: true, select: false })
  sealedCredential: string | null;

  @Column('text', { name: 'credential_key_id', nullable: true })
  credentialKeyId: string | null;

  @Column('jsonb', { nullable: true })
  cursor: Record<string, unknown> | null;

  /** minutes between scheduled runs; null: runs only when asked */
  @Column('int', { name: 'every_minutes', nullable: true })
  everyMinutes: number | null;

  @Column('timestamptz', { name: 'last_run_at', nullable: true })
  lastRunAt: Date | null;

  @Column('text', { name: 'last_status', nullable: true })
  lastStatus: 'completed' | 'failed' | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
