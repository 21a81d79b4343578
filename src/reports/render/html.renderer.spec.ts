import { buildBaseline } from '../model/baseline.builder';
import { buildFindingsReport } from '../model/findings-report.builder';
import { buildInventory } from '../model/inventory.builder';
import { fixtureInput } from '../model/report-fixture.spec-helper';
import { HtmlReportRenderer } from './html.renderer';

describe(HtmlReportRenderer.name, () => {
  const sut = new HtmlReportRenderer();

  it('should inline Chart.js and the chart data so nothing loads from the network', () => {
    const html = sut.render(buildBaseline(fixtureInput()));
    expect(html).toContain('id="chart-tools"');
    expect(html).toContain('Chart.defaults.animation');
    expect(html.length).toBeGreaterThan(150_000); // Chart.js itself
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
  });

  it('should print no e-mail address in the baseline when findings carry them', () => {
    const html = sut.render(buildBaseline(fixtureInput()));
    expect(html).not.toContain('@example.test');
    expect(html).toContain('&lt; 5');
  });

  it('should render the inventory and the findings report with their subjects', () => {
    expect(sut.render(buildInventory(fixtureInput()))).toContain('id="chart-trend"');
    expect(sut.render(buildFindingsReport(fixtureInput()))).toContain('p12@example.test');
  });
});
