// The shared real samples (../shared/samples from the repository root); absent on some machines.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** AIC_SAMPLES_DIR points a worktree elsewhere on the machine at them. */
export const SAMPLES_DIR =
  process.env.AIC_SAMPLES_DIR ?? resolve(__dirname, '../../../../../shared/samples');

/** The sample's text, or undefined when the shared samples are not on this machine. */
export function readSample(...parts: string[]): string | undefined {
  const file = join(SAMPLES_DIR, ...parts);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function fixturePath(name: string): string {
  return resolve(__dirname, '../../../../test/fixtures/network', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Every non-null outcome of a fixture parsed line by line with one parser instance. */
export function parseFixture(parser: { parse(line: string): unknown }, name: string): unknown[] {
  return readFixture(name)
    .split('\n')
    .map((l) => parser.parse(l))
    .filter((o) => o !== null);
}
