import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PersonEntity } from './entities/person.entity';
import { TeamEntity } from './entities/team.entity';

export interface PersonUpsert {
  email: string;
  name: string | null;
  teamId: string | null;
  githubLogin: string | null;
  source: string;
}

/** A person as the list and detail queries select them, with the team's path. */
export type PersonWithTeam = Pick<
  PersonEntity,
  'id' | 'email' | 'name' | 'teamId' | 'managerId' | 'githubLogin' | 'source'
> & { teamPath: string | null };

/** Persons and teams. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Creates every level of a team path that is missing; returns the leaf's id. */
  async upsertTeamPath(path: string[]): Promise<string | null> {
    let parentId: string | null = null;
    for (let depth = 1; depth <= path.length; depth++) {
      const rows: { id: string }[] = await this.ds.query(
        `INSERT INTO team (name, path, parent_id) VALUES ($1, $2, $3)
         ON CONFLICT (path) DO UPDATE SET parent_id = EXCLUDED.parent_id
         RETURNING id`,
        [path[depth - 1], path.slice(0, depth).join('/'), parentId],
      );
      parentId = rows[0].id;
    }
    return parentId;
  }

  /** One statement for the whole batch; a re-import updates name, team and login in place. */
  async upsertPersons(rows: PersonUpsert[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const result: { id: string; email: string }[] = await this.ds.query(
      `INSERT INTO person (email, name, team_id, github_login, source)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[])
       ON CONFLICT (email) DO UPDATE SET
         name = COALESCE(EXCLUDED.name, person.name),
         team_id = COALESCE(EXCLUDED.team_id, person.team_id),
         github_login = COALESCE(EXCLUDED.github_login, person.github_login),
         updated_at = now()
       RETURNING id, email`,
      [
        rows.map((r) => r.email),
        rows.map((r) => r.name),
        rows.map((r) => r.teamId),
        rows.map((r) => r.githubLogin),
        rows.map((r) => r.source),
      ],
    );
    return new Map(result.map((r) => [r.email, r.id]));
  }

  async setManagers(pairs: { personId: string; managerId: string }[]): Promise<void> {
    if (pairs.length === 0) return;
    await this.ds.query(
      `UPDATE person SET manager_id = m.manager_id
       FROM unnest($1::uuid[], $2::uuid[]) AS m(person_id, manager_id)
       WHERE person.id = m.person_id`,
      [pairs.map((p) => p.personId), pairs.map((p) => p.managerId)],
    );
  }

  async idsByEmail(emails: string[]): Promise<Map<string, string>> {
    const rows: { id: string; email: string }[] = await this.ds.query(
      `SELECT id, email FROM person WHERE email = ANY($1::text[])`,
      [emails],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  /** A GitHub member: matched on login, then on e-mail, else created. */
  async upsertGithubMember(member: {
    login: string;
    name: string | null;
    email: string | null;
  }): Promise<{ id: string; created: boolean }> {
    const existing: { id: string }[] = await this.ds.query(
      `SELECT id FROM person WHERE lower(github_login) = lower($1)
       UNION ALL SELECT id FROM person WHERE $2::text IS NOT NULL AND email = $2 LIMIT 1`,
      [member.login, member.email],
    );
    if (existing[0]) {
      await this.ds.query(
        `UPDATE person SET github_login = COALESCE(github_login, $2), name = COALESCE(name, $3), updated_at = now() WHERE id = $1`,
        [existing[0].id, member.login, member.name],
      );
      return { id: existing[0].id, created: false };
    }
    const created: { id: string }[] = await this.ds.query(
      `INSERT INTO person (email, name, github_login, source) VALUES ($1, $2, $3, 'github-org') RETURNING id`,
      [member.email, member.name, member.login],
    );
    return { id: created[0].id, created: true };
  }

  async list(filter: {
    teamId?: string;
    limit: number;
    offset: number;
  }): Promise<PersonWithTeam[]> {
    return this.ds.query(
      `SELECT p.id, p.email, p.name, p.team_id AS "teamId", p.manager_id AS "managerId",
              p.github_login AS "githubLogin", p.source, t.path AS "teamPath"
       FROM person p LEFT JOIN team t ON t.id = p.team_id
       WHERE ($1::uuid IS NULL OR p.team_id = $1)
       ORDER BY p.email NULLS LAST, p.id LIMIT $2 OFFSET $3`,
      [filter.teamId ?? null, filter.limit, filter.offset],
    );
  }

  /** The people among these ids, e-mail order. */
  withIds(ids: string[]): Promise<PersonWithTeam[]> {
    return this.ds.query(
      `SELECT p.id, p.email, p.name, p.team_id AS "teamId", p.manager_id AS "managerId",
              p.github_login AS "githubLogin", p.source, t.path AS "teamPath"
       FROM person p LEFT JOIN team t ON t.id = p.team_id
       WHERE p.id = ANY ($1::uuid[])
       ORDER BY p.email NULLS LAST, p.id`,
      [ids],
    );
  }

  /** Ids of the people of the team at `path` and of the teams under it, e-mail order. */
  async idsInTeam(path: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT p.id FROM person p JOIN team t ON t.id = p.team_id
        WHERE t.path = $1 OR left(t.path, length($1) + 1) = $1 || '/'
        ORDER BY p.email NULLS LAST, p.id`,
      [path],
    );
    return rows.map((r) => r.id);
  }

  /** The paths of the teams that have people, in path order. */
  async pathsWithPeople(): Promise<string[]> {
    const rows: { path: string }[] = await this.ds.query(
      `SELECT t.path FROM team t WHERE EXISTS (SELECT 1 FROM person p WHERE p.team_id = t.id)
        ORDER BY t.path`,
    );
    return rows.map((r) => r.path);
  }

  /** People whose e-mail, name or GitHub login contains `text` (any case), e-mail order. */
  search(text: string, limit: number): Promise<PersonWithTeam[]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.ds.query(
      `SELECT p.id, p.email, p.name, p.team_id AS "teamId", p.manager_id AS "managerId",
              p.github_login AS "githubLogin", p.source, t.path AS "teamPath"
       FROM person p LEFT JOIN team t ON t.id = p.team_id
       WHERE p.email ILIKE $1 OR p.name ILIKE $1 OR p.github_login ILIKE $1
       ORDER BY p.email NULLS LAST, p.id LIMIT $2`,
      [pattern, limit],
    );
  }

  async findById(id: string): Promise<PersonWithTeam | undefined> {
    const rows: PersonWithTeam[] = await this.ds.query(
      `SELECT p.id, p.email, p.name, p.team_id AS "teamId", p.manager_id AS "managerId",
              p.github_login AS "githubLogin", p.source, t.path AS "teamPath"
       FROM person p LEFT JOIN team t ON t.id = p.team_id WHERE p.id = $1`,
      [id],
    );
    return rows[0];
  }

  async existingIds(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM person WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async allIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM person`);
    return rows.map((r) => r.id);
  }

  /** Persons in a team or any team below it. */
  async idsInTeamTree(teamId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT p.id FROM person p JOIN team t ON t.id = p.team_id
       WHERE t.path = (SELECT path FROM team WHERE id = $1)
          OR t.path LIKE (SELECT path FROM team WHERE id = $1) || '/%'`,
      [teamId],
    );
    return rows.map((r) => r.id);
  }

  listTeams(): Promise<TeamEntity[]> {
    return this.ds.getRepository(TeamEntity).find({ order: { path: 'ASC' } });
  }

  /** The paths of the teams whose path is `text` (any case), or failing that whose name is. */
  async teamPathsNamed(text: string): Promise<string[]> {
    const rows: { path: string }[] = await this.ds.query(
      `WITH by_path AS (SELECT path FROM team WHERE lower(path) = lower($1))
       SELECT path FROM by_path
       UNION ALL
       SELECT path FROM team WHERE lower(name) = lower($1) AND NOT EXISTS (SELECT 1 FROM by_path)
       ORDER BY path`,
      [text.trim()],
    );
    return rows.map((r) => r.path);
  }

  /** person id → top-level-first team path, for breakdowns */
  async teamPathsOf(personIds: string[]): Promise<Map<string, string | null>> {
    const rows: { id: string; path: string | null }[] = await this.ds.query(
      `SELECT p.id, t.path FROM person p LEFT JOIN team t ON t.id = p.team_id WHERE p.id = ANY($1::uuid[])`,
      [personIds],
    );
    return new Map(rows.map((r) => [r.id, r.path]));
  }

  /** Each person's team path and how many people the directory has in that team itself. */
  async teamsWithHeadcount(
    personIds: string[],
  ): Promise<Map<string, { path: string; headcount: number }>> {
    const rows: { id: string; path: string; headcount: number }[] = await this.ds.query(
      `SELECT p.id, t.path, (SELECT count(*)::int FROM person m WHERE m.team_id = p.team_id) AS headcount
       FROM person p JOIN team t ON t.id = p.team_id WHERE p.id = ANY($1::uuid[])`,
      [personIds],
    );
    return new Map(rows.map((r) => [r.id, { path: r.path, headcount: r.headcount }]));
  }

  async contactsOf(
    ids: string[],
  ): Promise<Map<string, { email: string | null; name: string | null }>> {
    const rows: { id: string; email: string | null; name: string | null }[] = await this.ds.query(
      `SELECT id, email, name FROM person WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
  }

  async directoryPersons(): Promise<
    { id: string; email: string | null; githubLogin: string | null }[]
  > {
    return this.ds.query(`SELECT id, email, github_login AS "githubLogin" FROM person`);
  }
}
