import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogValidationError } from '../catalog-validator';
import { loadVendorFacts, readVendorFactsDir } from './vendor-facts.loader';
import { validateFactsEntry } from './vendor-facts.validator';

const FIXTURES = join(__dirname, '../../../test/fixtures/vendor-facts');
const KNOWN = new Set(['cursor', 'chatgpt', 'claude', 'gemini']);
const NOW = new Date('2026-11-29T12:00:00Z');

describe('vendor facts loader', () => {
  it('should fail the load when a fact has no source or no checked date (CI runs this)', () => {
    expect(() => loadVendorFacts(join(FIXTURES, 'bad'), KNOWN, NOW)).toThrow(
      CatalogValidationError,
    );
  });

  it('should name file, tool and field for every mistake in a bad facts file', () => {
    const sut = readVendorFactsDir(join(FIXTURES, 'bad'), KNOWN, NOW);
    const lines = sut.problems.map((p) => `${p.file.split('/').pop()} ${p.toolId} ${p.field}`);
    expect(lines).toEqual([
      'broken.yaml cursor plans.free.trainsOnInputs.source',
      'broken.yaml chatgpt plans.free.retention.checked',
      'broken.yaml no-such-tool tool',
      'broken.yaml claude jurisdiction.source',
      'broken.yaml claude plans.team.trainsOnInputs.value',
      'broken.yaml gemini certifications.checked',
      'broken.yaml gemini certifications.value[0]',
      'broken.yaml gemini plans',
    ]);
    expect(sut.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'is missing: every fact cites the page it was read on',
        'is missing: every fact says when its source was read',
        'is not a tool in the catalog',
        'must be an https URL',
        'must be one of yes, no, not-stated',
        'is in the future (2099-01-01)',
      ]),
    );
    expect(sut.byTool.size).toBe(0);
  });

  it('should read a good file into facts per plan, a single jurisdiction as a list', () => {
    const sut = loadVendorFacts(join(FIXTURES, 'good'), KNOWN, NOW);
    const cursor = sut.get('cursor');
    expect(cursor?.jurisdiction?.value).toEqual(['US']);
    expect(cursor?.plans.free?.trainsOnInputs).toEqual({
      value: 'yes',
      source: 'https://cursor.com/privacy',
      checked: '2026-11-01',
      note: 'unless Privacy Mode is on',
    });
    expect(cursor?.plans.team?.trainsOnInputs?.value).toBe('no');
    expect(cursor?.file).toMatch(/facts\.yaml$/);
  });

  it('should reject unknown keys, plans and controls, and an empty plans without a note', () => {
    const { problems } = validateFactsEntry(
      {
        tool: 'cursor',
        colour: 'red',
        enterpriseControls: {
          value: { sso: 'yes', scim: 'yes', adminConsole: 'yes', auditLog: 'no', dpa: 'yes' },
          source: 'https://cursor.com/security',
          checked: '2026-11-01',
        },
        plans: {
          pro: {},
          free: {
            trainsOnInputs: { value: 'no', source: 'https://cursor.com/p', checked: '2026-02-30' },
            speed: {},
          },
        },
      },
      'f.yaml',
      KNOWN,
      NOW,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'colour',
      'enterpriseControls.value.dpa',
      'plans.pro',
      'plans.free.trainsOnInputs.checked',
      'plans.free.speed',
    ]);
    expect(
      validateFactsEntry({ tool: 'cursor', plans: {} }, 'f.yaml', KNOWN, NOW).problems[0],
    ).toMatchObject({
      field: 'plans',
      message: expect.stringMatching(/note/),
    });
  });

  it('should reject facts of one tool in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-'));
    const body = 'facts:\n  - { tool: cursor, plans: {}, note: x }\n';
    writeFileSync(join(dir, 'a.yaml'), body);
    writeFileSync(join(dir, 'b.yaml'), body);
    const sut = readVendorFactsDir(dir, KNOWN, NOW);
    expect(sut.problems).toEqual([
      expect.objectContaining({
        toolId: 'cursor',
        field: 'tool',
        message: expect.stringMatching(/also has facts in .*a\.yaml/),
      }),
    ]);
  });
});
