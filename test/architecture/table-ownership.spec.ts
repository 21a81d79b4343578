import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migratedTables, ownershipViolations, tableOwners, tsFiles } from './table-ownership';

const ROOT = join(__dirname, '..', '..');

describe('table ownership', () => {
  const files = tsFiles(join(ROOT, 'src'));
  const owners = tableOwners(ROOT, files);

  it('should give every table a migration creates exactly one owning module', () => {
    const declared = owners.map((o) => o.table).sort();
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared).toEqual(migratedTables(tsFiles(join(ROOT, 'migrations'))));
  });

  it('should keep SQL naming a table, and imports of its entity, inside the module that owns it', () => {
    expect(ownershipViolations(ROOT, files, owners)).toEqual([]);
  });

  describe(ownershipViolations.name, () => {
    let root: string;

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'aic-ownership-'));
      for (const dir of ['src/evidence/entities', 'src/findings'])
        mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(
        join(root, 'src/evidence/entities/evidence.entity.ts'),
        `@Entity('evidence')\nexport class EvidenceEntity {}\n`,
      );
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    const check = (path: string, text: string) => {
      writeFileSync(join(root, path), text);
      const files = tsFiles(join(root, 'src'));
      const found = ownershipViolations(root, files, tableOwners(root, files));
      rmSync(join(root, path));
      return found;
    };

    it('should report SQL in another module that reads the table, with file and line', () => {
      expect(
        check(
          'src/findings/stage.ts',
          'const n = 1;\nexport const q = `SELECT e.tool_id FROM evidence e WHERE e.count > ${n}`;\n',
        ),
      ).toEqual([
        {
          file: join('src', 'findings', 'stage.ts'),
          line: 2,
          table: 'evidence',
          owner: join('src', 'evidence'),
          what: 'names table evidence in SQL',
        },
      ]);
    });

    it('should report a write, a join and an imported entity', () => {
      const found = check(
        'src/findings/write.ts',
        [
          `import { EvidenceEntity } from '../evidence/entities/evidence.entity';`,
          `export const a = 'INSERT INTO evidence (fingerprint) VALUES ($1)';`,
          `export const b = "SELECT 1 FROM finding f JOIN evidence e ON true";`,
        ].join('\n'),
      );
      expect(found.map((v) => [v.line, v.what])).toEqual([
        [1, 'imports the entity of src/evidence'],
        [2, 'names table evidence in SQL'],
        [3, 'names table evidence in SQL'],
      ]);
    });

    it('should allow the owner’s own SQL and prose that only mentions the word', () => {
      expect(
        check('src/evidence/evidence.repository.ts', 'export const q = `SELECT * FROM evidence`;'),
      ).toEqual([]);
      expect(
        check(
          'src/findings/prose.ts',
          `export const m = 'no evidence from the scan'; // SELECT * FROM evidence`,
        ),
      ).toEqual([]);
    });
  });
});
