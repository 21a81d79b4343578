import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The top-level reports/ folder holds the templates. Walk up from here so it is found both from
 * src/ (tests, ts-node) and from dist/src/ (the built CLI) without copying assets.
 */
export function templatesDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'reports');
    if (existsSync(join(candidate, 'baseline.hbs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`report templates (reports/baseline.hbs) not found above ${start}`);
    dir = parent;
  }
}

let chartJsCache: string | undefined;

/** Chart.js's UMD build, inlined so the HTML needs no network when opened. */
export function chartJsSource(): string {
  // The package's exports map hides dist/chart.umd.min.js; resolve the entry and look beside it.
  chartJsCache ??= readFileSync(
    join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    'utf8',
  );
  return chartJsCache;
}
