import { DataSource } from 'typeorm';
import { RederiveGitignoreEvidence1765700000001 } from '../../migrations/1765700000001-RederiveGitignoreEvidence';
import { createTestDatabase } from '../support/test-db';

describe(RederiveGitignoreEvidence1765700000001.name, () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('should drop .gitignore evidence of the old semantics and keep every other row', async () => {
    const row = (fp: string, detail: object) =>
      ds.query(
        `INSERT INTO evidence (fingerprint, tool_id, signal, repository, confidence, first_seen, last_seen, detail)
         VALUES ($1, 'aider', 'config-file', 'acme/app', 1, now(), now(), $2)`,
        [fp, JSON.stringify(detail)],
      );
    await row('gi', { path: '.gitignore', gitignoreEntry: '*.json', rule: '.aider.conf.yml' });
    await row('file', { path: '.aider.conf.yml', rule: '.aider.conf.yml' });
    const runner = ds.createQueryRunner();
    try {
      await new RederiveGitignoreEvidence1765700000001().up(runner);
    } finally {
      await runner.release();
    }
    await expect(ds.query(`SELECT fingerprint FROM evidence ORDER BY 1`)).resolves.toEqual([
      { fingerprint: 'file' },
    ]);
  });
});
