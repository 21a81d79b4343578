import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * .gitignore entries used to count when a broad glob (`*.json`) or a shared folder (`.vscode/`)
 * merely could hold a tool's file, at full confidence. Those rows are dropped; the next scan of
 * each repository derives the entries that name a tool's own artefact again (they come from the
 * current tree, so an incremental scan finds them too), at the .gitignore confidence. Findings
 * left without evidence are marked absent by the next correlation, with their history.
 */
export class RederiveGitignoreEvidence1765700000001 implements MigrationInterface {
  name = 'RederiveGitignoreEvidence1765700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM evidence WHERE signal = 'config-file' AND detail ? 'gitignoreEntry'`,
    );
  }

  async down(): Promise<void> {
    // nothing to restore: the rows were derived data, and a scan with the older code makes them again
  }
}
