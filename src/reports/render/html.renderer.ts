import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InventoryToolRow, ReportModel } from '../model/report.types';
import { chartsFor } from './chart-defs';
import { chartJsSource, templatesDir } from './templates';

type Compiled = Handlebars.TemplateDelegate<{
  model: ReportModel;
  chartJs: string;
  dataJson: string;
}>;

/** Renders a report model as one self-contained HTML file (styles, data and Chart.js inlined). */
export class HtmlReportRenderer {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly dir: string = templatesDir()) {
    registerHelpers(this.hb);
    for (const name of ['styles', 'chart-runtime']) {
      this.hb.registerPartial(name, readFileSync(join(dir, 'partials', `${name}.hbs`), 'utf8'));
    }
  }

  render(model: ReportModel): string {
    let template = this.compiled.get(model.kind);
    if (!template) {
      template = this.hb.compile(readFileSync(join(this.dir, `${model.kind}.hbs`), 'utf8'), {
        strict: false,
      });
      this.compiled.set(model.kind, template);
    }
    // "<" escaped so the JSON cannot close its <script> element.
    const dataJson = JSON.stringify({ charts: chartsFor(model) }).replace(/</g, '\\u003c');
    return template({
      model,
      chartJs: chartJsSource().replace(/<\/script/gi, '<\\/script'),
      dataJson,
    });
  }
}

function registerHelpers(hb: typeof Handlebars): void {
  const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '–');
  hb.registerHelper('pct', pct);
  hb.registerHelper('pctOrDash', pct);
  hb.registerHelper('isNum', (x: unknown) => typeof x === 'number');
  hb.registerHelper('kc', (x: unknown, k: unknown) =>
    x === null || x === undefined ? `< ${String(k)}` : String(x),
  );
  hb.registerHelper('add', (a: number, b: number) => a + b);
  hb.registerHelper('sub', (a: number, b: number) => a - b);
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('first', (xs: unknown[] | undefined, n: number) => (xs ?? []).slice(0, n));
  hb.registerHelper('join', (xs: unknown[] | undefined) => (xs ?? []).join(', '));
  hb.registerHelper('date', (iso: unknown) =>
    typeof iso === 'string' && iso ? iso.slice(0, 10) : '–',
  );
  // A wave figure: a share as a percentage, a mean to one decimal; null was withheld under k.
  const waveFig = (x: unknown, measure: unknown) =>
    typeof x !== 'number' ? 'withheld' : measure === 'share' ? pct(x) : x.toFixed(1);
  hb.registerHelper('waveFig', waveFig);
  hb.registerHelper('waveChange', (x: unknown, low: unknown, high: unknown, measure: unknown) => {
    if (typeof x !== 'number') return 'withheld';
    const f = (v: number) =>
      `${v > 0 ? '+' : v < 0 ? '−' : '±'}${measure === 'share' ? Math.abs(Math.round(v * 100)) : Math.abs(v).toFixed(1)}`;
    const unit = measure === 'share' ? ' pts' : '';
    return typeof low === 'number' && typeof high === 'number'
      ? `${f(x)}${unit} (${f(low)} to ${f(high)})`
      : `${f(x)}${unit}`;
  });
  hb.registerHelper('trendText', (row: InventoryToolRow) => {
    if (row.peopleBefore === null) {
      const first = row.trend[0]?.people ?? 0;
      const last = row.trend.at(-1)?.people ?? 0;
      return last > first ? `+${last - first} in 8 weeks` : 'steady';
    }
    const d = row.people - row.peopleBefore;
    return d === 0 ? 'no change' : `${d > 0 ? '+' : ''}${d} since last report`;
  });
}
