import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/processes';

const DEPCRUISE = path.join(REPO_ROOT, 'node_modules/.bin/depcruise');
const CONFIG = path.join(REPO_ROOT, '.dependency-cruiser.cjs');

/** Runs dependency-cruiser with the project's layer rules over `src/` of `cwd`. */
function cruise(cwd: string) {
  const r = spawnSync(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A throw-away tree laid out like src/, with the given files. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-layers-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('module layers (../shared/DESIGN.md)', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const sandbox = (files: Record<string, string>) => {
    const dir = tree(files);
    made.push(dir);
    return dir;
  };

  it('should find no cycle and no upward import in the source tree', () => {
    const r = cruise(REPO_ROOT);
    expect(r.output).not.toMatch(/error /);
    expect(r.status).toBe(0);
  });

  it('should fail when a lower layer imports a higher one', () => {
    const r = cruise(
      sandbox({
        'src/catalog/catalog.service.ts':
          "import { x } from '../reports/report';\nexport const y = x;\n",
        'src/reports/report.ts': 'export const x = 1;\n',
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-upward-from-catalog');
    expect(r.output).toContain('src/catalog/catalog.service.ts → src/reports/report.ts');
  });

  it('should fail on an import cycle inside one module', () => {
    const r = cruise(
      sandbox({
        'src/people/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/people/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-circular');
  });

  it('should allow a higher layer to import a lower one', () => {
    const r = cruise(
      sandbox({
        'src/reports/report.ts': "import { x } from '../catalog/tool';\nexport const y = x;\n",
        'src/catalog/tool.ts': 'export const x = 1;\n',
      }),
    );
    expect(r.output).not.toMatch(/error /);
    expect(r.status).toBe(0);
  });

  it('should refuse a folder that belongs to no layer', () => {
    const r = cruise(
      sandbox({
        'src/misc/helper.ts': "import { x } from '../common/x';\nexport const y = x;\n",
        'src/common/x.ts': 'export const x = 1;\n',
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-unknown-module');
  });
});
