import { buildProcessingFacts, type ProcessingFactsInput } from './processing-facts';
import { renderDocumentHtml, renderDocumentMarkdown } from './privacy-document';
import { buildRecordOfProcessing } from './record/record-of-processing';
import { buildTransparencyNotice } from './transparency/transparency-notice';

const base: ProcessingFactsInput = {
  githubTokenSet: false,
  localScanRoots: 0,
  networkWatchDir: false,
  smtpConfigured: false,
  pseudonymKeyConfigured: false,
  privacyK: 5,
  retentionDays: {},
  surveys: [],
  signalsHeld: {},
  vendorConnectors: [],
};

const enabledIds = (input: ProcessingFactsInput) =>
  buildProcessingFacts(input)
    .sources.filter((s) => s.enabled)
    .map((s) => s.id);

describe(buildProcessingFacts.name, () => {
  it('should switch no source on when nothing is configured and nothing is held', () => {
    expect(enabledIds(base)).toEqual([]);
  });

  it('should switch a source on by its setting or by the records already held', () => {
    expect(enabledIds({ ...base, githubTokenSet: true })).toEqual(['github']);
    expect(enabledIds({ ...base, networkWatchDir: true })).toEqual(['network']);
    expect(enabledIds({ ...base, signalsHeld: { network: 3, dependency: 0 } })).toEqual([
      'network',
    ]);
    expect(enabledIds({ ...base, signalsHeld: { dependency: 1 } })).toEqual(['repositories']);
    expect(enabledIds({ ...base, signalsHeld: { 'copilot-seat': 1 } })).toEqual(['github']);
    expect(enabledIds({ ...base, vendorConnectors: ['Cursor'] })).toEqual(['vendors']);
    expect(enabledIds({ ...base, signalsHeld: { endpoint: 2 } })).toEqual(['endpoints']);
    expect(
      enabledIds({
        ...base,
        surveys: [{ title: 'Pulse', privacyMode: 'anonymous', k: 5, status: 'open' }],
      }),
    ).toEqual(['surveys']);
  });

  it('should state a configured retention period, and say so when none is set', () => {
    const facts = buildProcessingFacts({ ...base, retentionDays: { evidence: 400 } });
    const evidence = facts.retention.find((r) => r.data.startsWith('Evidence'));
    expect(evidence).toMatchObject({ days: 400, rule: expect.stringContaining('400 days') });
    const audit = facts.retention.find((r) => r.data === 'Audit log');
    expect(audit).toMatchObject({ days: null, rule: expect.stringContaining('no period set') });
  });

  it('should say the daily purge deletes survey answers and invitations once the survey is closed', () => {
    const facts = buildProcessingFacts({ ...base, retentionDays: { surveys: 90 } });
    const surveys = facts.retention.find((r) => r.setting === 'RETENTION_SURVEY_DAYS');
    expect(surveys).toMatchObject({ days: 90, data: expect.stringContaining('survey’s close') });
    expect(surveys!.rule).toMatch(/^90 days, then deleted by AI Census’s daily purge \(answers/);
    expect(surveys!.rule).not.toContain('administrator');
  });

  it('should name the configured contact, or none', () => {
    expect(buildProcessingFacts({ ...base, privacyContact: 'dpo@example.com' }).contact).toBe(
      'dpo@example.com',
    );
    expect(buildProcessingFacts(base).contact).toBeNull();
  });
});

describe(buildTransparencyNotice.name, () => {
  it('should list a switched-on source with what it keeps and a switched-off one as not collected', () => {
    const doc = buildTransparencyNotice(buildProcessingFacts({ ...base, githubTokenSet: true }));
    const on = doc.sections.find((s) => s.heading === 'Sources switched on');
    const off = doc.sections.find((s) => s.heading === 'Sources switched off');
    expect(on?.items?.join('\n')).toContain('GitHub organisation. Keeps: members');
    expect(off?.items).toContain('Network logs (proxy, DNS, firewall): not collected.');
    expect(off?.items?.join('\n')).not.toContain('GitHub');
  });

  it('should escape what an organisation typed (a survey title) in its HTML', () => {
    const html = renderDocumentHtml(
      buildTransparencyNotice(
        buildProcessingFacts({
          ...base,
          surveys: [
            { title: '<script>alert(1)</script>', privacyMode: 'identified', k: 5, status: 'open' },
          ],
        }),
      ),
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('__reportReady');
    expect(html).toMatch(/<html lang="en">/);
  });
});

describe(buildRecordOfProcessing.name, () => {
  it('should carry the configured retention, every role and the contact into its Markdown', () => {
    const md = renderDocumentMarkdown(
      buildRecordOfProcessing(
        buildProcessingFacts({
          ...base,
          retentionDays: { evidence: 400, audit: 730 },
          privacyContact: 'dpo@example.com',
        }),
        new Date('2026-11-29T12:00:00Z'),
      ),
    );
    expect(md).toMatch(/^# AI Census: record of processing\n/);
    expect(md).toContain('Generated 2026-11-29');
    expect(md).toMatch(/\| Evidence, network roll-ups and findings [^|]*\| 400 \|/);
    expect(md).toMatch(/\| Audit log \| 730 \|/);
    expect(md).toMatch(
      /\| Survey answers and invitations [^|]*\| not set \(RETENTION_SURVEY_DAYS\) \|/,
    );
    for (const role of ['admin', 'coe', 'security', 'privacy', 'leader'])
      expect(md).toMatch(new RegExp(`\\| ${role} \\| (yes|no) \\|`));
    expect(md).toContain('dpo@example.com');
  });

  it('should keep a table intact when a cell holds a pipe', () => {
    const md = renderDocumentMarkdown({
      title: 't',
      intro: [],
      sections: [
        { heading: 'h', table: { caption: 'c', header: ['a', 'b'], rows: [['x|y', 'z']] } },
      ],
    });
    expect(md).toContain('| x\\|y | z |');
  });
});
