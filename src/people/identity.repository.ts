import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TableRevisions } from '../database/table-revisions.service';
import { IpLeaseEntity } from './entities/ip-lease.entity';
import { PersonIdentityEntity } from './entities/person-identity.entity';
import { UnresolvedIdentityEntity } from './entities/unresolved-identity.entity';
import type { ResolvableKind } from './identity/identity-kinds';

export interface IdentityUpsert {
  personId: string;
  kind: ResolvableKind;
  value: string;
  confidence: number;
  source: string;
}

export interface UnresolvedRecord {
  kind: ResolvableKind;
  value: string;
  source: string;
  reason: string;
  candidates: string[];
}

export interface LeaseInsert {
  ip: string;
  personId: string;
  from: Date;
  to: Date | null;
  source: string;
}

/** Identities, IP leases and the list of identities waiting for a human. */
@Injectable()
export class IdentityRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly revisions: TableRevisions,
  ) {}

  /** Bumped by triggers on every write to what resolution reads (persons, identities, leases, erasures). */
  async directoryRevision(): Promise<string> {
    return this.revisions.of(['erased_identity', 'ip_lease', 'person', 'person_identity']);
  }

  /** Imported identities; a row a person linked by hand is never overwritten. */
  async upsertImported(rows: IdentityUpsert[]): Promise<void> {
    if (rows.length === 0) return;
    await this.ds.query(
      `INSERT INTO person_identity (person_id, kind, value, confidence, source)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::real[], $5::text[])
       ON CONFLICT (kind, value) DO UPDATE SET
         person_id = EXCLUDED.person_id, confidence = EXCLUDED.confidence,
         source = EXCLUDED.source, updated_at = now()
       WHERE person_identity.manual = false`,
      [
        rows.map((r) => r.personId),
        rows.map((r) => r.kind),
        rows.map((r) => r.value),
        rows.map((r) => r.confidence),
        rows.map((r) => r.source),
      ],
    );
  }

  async linkManually(
    personId: string,
    kind: ResolvableKind,
    value: string,
    source: string,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO person_identity (person_id, kind, value, confidence, source, manual)
       VALUES ($1, $2, $3, 1, $4, true)
       ON CONFLICT (kind, value) DO UPDATE SET person_id = $1, confidence = 1, source = $4,
         manual = true, updated_at = now()`,
      [personId, kind, value, source],
    );
    await this.ds.query(`DELETE FROM unresolved_identity WHERE kind = $1 AND value = $2`, [
      kind,
      value,
    ]);
  }

  /** One statement for the batch; `rows` must not repeat a (kind, value). */
  async recordUnresolved(rows: UnresolvedRecord[]): Promise<void> {
    if (rows.length === 0) return;
    await this.ds.query(
      `INSERT INTO unresolved_identity (kind, value, source, reason, candidates)
       SELECT k, v, s, r, ARRAY(SELECT jsonb_array_elements_text(c))::uuid[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS t(k, v, s, r, c)
       ON CONFLICT (kind, value) DO UPDATE SET occurrences = unresolved_identity.occurrences + 1,
         last_seen = now(), reason = EXCLUDED.reason, candidates = EXCLUDED.candidates`,
      [
        rows.map((r) => r.kind),
        rows.map((r) => r.value),
        rows.map((r) => r.source),
        rows.map((r) => r.reason),
        rows.map((r) => JSON.stringify(r.candidates)),
      ],
    );
  }

  async clearUnresolved(kind: ResolvableKind, value: string): Promise<void> {
    await this.ds.query(`DELETE FROM unresolved_identity WHERE kind = $1 AND value = $2`, [
      kind,
      value,
    ]);
  }

  listUnresolved(limit: number): Promise<UnresolvedIdentityEntity[]> {
    return this.ds
      .getRepository(UnresolvedIdentityEntity)
      .find({ order: { occurrences: 'DESC', lastSeen: 'DESC' }, take: limit });
  }

  listAll(): Promise<PersonIdentityEntity[]> {
    return this.ds.getRepository(PersonIdentityEntity).find();
  }

  listForPerson(personId: string): Promise<PersonIdentityEntity[]> {
    return this.ds
      .getRepository(PersonIdentityEntity)
      .find({ where: { personId }, order: { kind: 'ASC', value: 'ASC' } });
  }

  leasesOf(personId: string): Promise<IpLeaseEntity[]> {
    return this.ds
      .getRepository(IpLeaseEntity)
      .find({ where: { personId }, order: { validFrom: 'ASC', ip: 'ASC' } });
  }

  async personIdsWithIdentity(kind: ResolvableKind, value: string): Promise<string[]> {
    const rows: { person_id: string }[] = await this.ds.query(
      `SELECT DISTINCT person_id FROM person_identity WHERE kind = $1 AND value = $2`,
      [kind, value],
    );
    return rows.map((r) => r.person_id);
  }

  listLeases(): Promise<IpLeaseEntity[]> {
    return this.ds.getRepository(IpLeaseEntity).find();
  }

  /** Adds the leases not held yet; the same lease imported twice is one row. Returns how many were new. */
  async addLeases(rows: LeaseInsert[]): Promise<number> {
    if (rows.length === 0) return 0;
    const added: unknown[] = await this.ds.query(
      `INSERT INTO ip_lease (ip, person_id, valid_from, valid_to, source)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[])
       ON CONFLICT (ip, person_id, valid_from, valid_to) DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.ip),
        rows.map((r) => r.personId),
        rows.map((r) => r.from),
        rows.map((r) => r.to),
        rows.map((r) => r.source),
      ],
    );
    return added.length;
  }
}
