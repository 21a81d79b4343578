import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASED_MARK } from '../common/identifier-redaction';

/** The findings module's tables as an erasure changes them, in one transaction. */
@Injectable()
export class FindingsErasureRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The person's findings, their triage history, suppressions and reveals; mentions elsewhere scrubbed. */
  async erase(
    personId: string,
    identities: { kind: string; value: string }[],
    pattern: string | null,
  ): Promise<Record<string, number>> {
    return this.ds.transaction(async (m) => {
      const n = (r: unknown) => (r as [unknown, number])[1];
      const ids: { id: string }[] = await m.query(
        `SELECT id FROM finding WHERE subject_type = 'person' AND subject_id = $1`,
        [personId],
      );
      const findingIds = ids.map((r) => r.id);
      const events = n(
        await m.query(`DELETE FROM finding_event WHERE finding_id = ANY ($1::uuid[])`, [
          findingIds,
        ]),
      );
      await m.query(`DELETE FROM suppressed_fingerprint WHERE finding_id = ANY ($1::uuid[])`, [
        findingIds,
      ]);
      const reveals = n(
        await m.query(`DELETE FROM finding_reveal WHERE finding_id = ANY ($1::uuid[])`, [
          findingIds,
        ]),
      );
      const findings = n(
        await m.query(`DELETE FROM finding WHERE id = ANY ($1::uuid[])`, [findingIds]),
      );
      const resolved = n(
        await m.query(
          `DELETE FROM finding_identity WHERE person_id = $1
              OR (kind, value) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [personId, identities.map((i) => i.kind), identities.map((i) => i.value.toLowerCase())],
        ),
      );
      let scrubbed = 0;
      if (pattern) {
        // other findings' comments and reveal reasons that name the person
        scrubbed += n(
          await m.query(
            `UPDATE finding_event SET comment = regexp_replace(comment, $1, $2, 'gi'),
                    detail = regexp_replace(detail::text, $1, $2, 'gi')::jsonb
              WHERE comment ~* $1 OR detail::text ~* $1`,
            [pattern, ERASED_MARK],
          ),
        );
        scrubbed += n(
          await m.query(
            `UPDATE finding SET assignee = regexp_replace(assignee, $1, $2, 'gi'),
                    factors = regexp_replace(factors::text, $1, $2, 'gi')::jsonb
              WHERE assignee ~* $1 OR factors::text ~* $1`,
            [pattern, ERASED_MARK],
          ),
        );
        scrubbed += n(
          await m.query(
            `UPDATE finding_reveal SET reason = regexp_replace(reason, $1, $2, 'gi'),
                    decision_comment = regexp_replace(decision_comment, $1, $2, 'gi')
              WHERE reason ~* $1 OR decision_comment ~* $1`,
            [pattern, ERASED_MARK],
          ),
        );
      }
      return {
        findings,
        findingEvents: events,
        findingReveals: reveals,
        resolvedIdentities: resolved,
        findingTextsScrubbed: scrubbed,
      };
    });
  }

  /** The ids of the person's findings (a report snapshot lists them by id). */
  async findingIdsOf(personId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM finding WHERE subject_type = 'person' AND subject_id = $1`,
      [personId],
    );
    return rows.map((r) => r.id);
  }
}
