import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface TombstoneRow {
  hash: string;
  kind: string;
}

/** The people module's tables as an erasure changes them, in one transaction. */
@Injectable()
export class PersonErasureRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async salt(): Promise<string> {
    const rows: { salt: string }[] = await this.ds.query(
      `SELECT salt FROM erasure_salt WHERE id = 1`,
    );
    if (!rows[0]) throw new Error('erasure_salt holds no salt: run the migrations');
    return rows[0].salt;
  }

  async tombstoneHashes(): Promise<Set<string>> {
    const rows: { hash: string }[] = await this.ds.query(`SELECT hash FROM erased_identity`);
    return new Set(rows.map((r) => r.hash));
  }

  async person(
    personId: string,
  ): Promise<{ email: string | null; name: string | null; githubLogin: string | null } | null> {
    const rows: { email: string | null; name: string | null; githubLogin: string | null }[] =
      await this.ds.query(
        `SELECT email, name, github_login AS "githubLogin" FROM person WHERE id = $1`,
        [personId],
      );
    return rows[0] ?? null;
  }

  /** A person named by id, e-mail or GitHub login (exact, any case); never recorded as unresolved. */
  async findPersonId(ref: string): Promise<string | null> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM person
        WHERE id::text = $1 OR lower(email) = lower($1) OR lower(github_login) = lower($1)
       UNION
       SELECT person_id FROM person_identity WHERE kind IN ('email', 'github') AND value = lower($1)`,
      [ref.trim()],
    );
    return rows.length === 1 ? rows[0].id : null;
  }

  async erase(
    personId: string,
    identityValues: string[],
    tombstones: TombstoneRow[],
    erasureId: string,
  ): Promise<Record<string, number>> {
    return this.ds.transaction(async (m) => {
      const count = async (sql: string, params: unknown[]) => {
        const result = (await m.query(sql, params)) as [unknown, number];
        return result[1];
      };
      await m.query(
        `INSERT INTO erased_identity (hash, kind, erasure_id, erased_at)
         SELECT * FROM unnest($1::text[], $2::text[]) AS t(hash, kind), (SELECT $3::uuid, now()) AS e
         ON CONFLICT (hash) DO NOTHING`,
        [tombstones.map((t) => t.hash), tombstones.map((t) => t.kind), erasureId],
      );
      const unresolved = await count(
        `DELETE FROM unresolved_identity WHERE value = ANY ($1::text[])`,
        [identityValues],
      );
      await m.query(
        `UPDATE unresolved_identity SET candidates = array_remove(candidates, $1::uuid)
          WHERE $1::uuid = ANY (candidates)`,
        [personId],
      );
      const identities = await count(`DELETE FROM person_identity WHERE person_id = $1`, [
        personId,
      ]);
      const leases = await count(`DELETE FROM ip_lease WHERE person_id = $1`, [personId]);
      const reports = await count(`UPDATE person SET manager_id = NULL WHERE manager_id = $1`, [
        personId,
      ]);
      const persons = await count(`DELETE FROM person WHERE id = $1`, [personId]);
      return {
        persons,
        identities,
        ipLeases: leases,
        unresolvedIdentities: unresolved,
        managerLinksCut: reports,
        tombstones: tombstones.length,
      };
    });
  }
}
