import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASED_MARK } from '../common/identifier-redaction';

/** The evidence table as an erasure changes it, in one transaction. */
@Injectable()
export class EvidenceErasureRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Person-level rows of the identities go; rows that also belong to a repository lose the
   * identity and keep counting for the repository; every other mention in a detail is scrubbed.
   */
  async erase(
    identities: { kind: string; value: string }[],
    personId: string,
    pattern: string | null,
  ): Promise<Record<string, number>> {
    const kinds = [...identities.map((i) => i.kind), 'person'];
    const values = [...identities.map((i) => i.value.toLowerCase()), personId.toLowerCase()];
    return this.ds.transaction(async (m) => {
      const ofPerson = `(identity_kind, lower(identity_value)) IN
                          (SELECT * FROM unnest($1::text[], $2::text[]))`;
      const deleted = (await m.query(
        `DELETE FROM evidence WHERE repository IS NULL AND ${ofPerson}`,
        [kinds, values],
      )) as [unknown, number];
      const unlinked = (await m.query(
        `UPDATE evidence SET identity_kind = NULL, identity_value = NULL, updated_at = now()
          WHERE repository IS NOT NULL AND ${ofPerson}`,
        [kinds, values],
      )) as [unknown, number];
      let scrubbed = 0;
      if (pattern) {
        const r = (await m.query(
          `UPDATE evidence SET detail = regexp_replace(detail::text, $1, $2, 'gi')::jsonb
            WHERE detail::text ~* $1`,
          [pattern, ERASED_MARK],
        )) as [unknown, number];
        scrubbed = r[1];
      }
      return { evidence: deleted[1], evidenceUnlinked: unlinked[1], evidenceScrubbed: scrubbed };
    });
  }
}
