import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which team owns a repository, and the data classes the CoE declares for it: set by hand
 * (API, CLI) or, for the team, from the GitHub custom property "team" read during an org scan.
 */
export class RepositoryOwnership1765100000000 implements MigrationInterface {
  name = 'RepositoryOwnership1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE repository
        ADD COLUMN team text,
        ADD COLUMN team_source text CHECK (team_source IN ('manual', 'github')),
        ADD COLUMN declared_data_classes text[],
        ADD CONSTRAINT repository_team_source_chk CHECK ((team IS NULL) = (team_source IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE repository
        DROP CONSTRAINT repository_team_source_chk,
        DROP COLUMN declared_data_classes,
        DROP COLUMN team_source,
        DROP COLUMN team`);
  }
}
