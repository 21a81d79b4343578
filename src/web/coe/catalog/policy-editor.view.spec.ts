import type { CatalogToolView } from '../../../catalog/catalog.service';
import { describePolicyChange, parsePolicyForm, policyEditorView } from './policy-editor.view';

const copilot: CatalogToolView = {
  id: 'github-copilot',
  name: 'GitHub Copilot',
  vendor: 'GitHub',
  category: 'coding-assistant',
  rules: { domains: ['githubcopilot.com'], packages: { npm: ['@github/copilot'] } },
  vendorFacts: {
    plans: {
      team: {
        retention: { value: '28 days', source: 'https://example.org/terms', checked: '2026-01-01' },
      },
    },
    enterpriseControls: {
      value: { sso: 'yes', scim: 'yes', adminConsole: 'yes', auditLog: 'not-stated' },
      source: 'https://example.org/ent',
      checked: '2026-01-01',
      origin: 'organisation',
    },
  },
  signals: ['network', 'dependency'],
  overridesBuiltin: false,
  complianceReferences: [],
  policy: {
    status: 'tolerated',
    dataClasses: ['internal'],
    tenantBound: true,
    note: 'org seats only',
    decidedBy: 'coe-token',
    decidedAt: new Date('2026-03-04T05:06:07Z'),
    plan: 'team',
  },
};

describe(parsePolicyForm.name, () => {
  it('should read status, repeated data classes, the tenant box and the note', () => {
    expect(
      parsePolicyForm(
        {
          status: 'sanctioned',
          dataClasses: ['internal', 'pii', 'pii'],
          tenantBound: 'on',
          note: ' ok ',
        },
        'cursor',
      ),
    ).toEqual({
      change: {
        toolId: 'cursor',
        status: 'sanctioned',
        dataClasses: ['internal', 'pii'],
        tenantBound: true,
        plan: null,
        note: 'ok',
      },
      errors: [],
    });
  });

  it('should read one checked data class and no tenant box', () => {
    expect(
      parsePolicyForm({ status: 'prohibited', dataClasses: 'public' }, 'x').change,
    ).toMatchObject({ dataClasses: ['public'], tenantBound: false, note: null });
  });

  it('should name each field that is wrong', () => {
    const sut = parsePolicyForm(
      { status: 'allowed', dataClasses: ['secret'], note: 'n'.repeat(2001) },
      'x',
    );
    expect(sut.errors.map((e) => e.field)).toEqual(['status', 'dataClasses', 'note']);
    expect(sut.errors[1].message).toContain('secret is not one of');
  });
});

describe(policyEditorView.name, () => {
  it('should check the stored policy and summarise rules, vendor facts and history', () => {
    const sut = policyEditorView(copilot, [
      {
        at: new Date('2026-03-04T05:06:07Z'),
        actorName: 'coe-token',
        detail: {
          via: 'api',
          before: { status: 'unreviewed', dataClasses: [], tenantBound: false, note: null },
          after: { status: 'tolerated', dataClasses: ['internal'], tenantBound: true, note: 'x' },
        },
      },
    ]);
    expect(sut.statuses.filter((s) => s.checked).map((s) => s.value)).toEqual(['tolerated']);
    expect(sut.dataClasses.filter((s) => s.checked).map((s) => s.value)).toEqual(['internal']);
    expect(sut.tenantBound).toBe(true);
    expect(sut.decided).toBe('coe-token, 2026-03-04 05:06 UTC');
    expect(sut.rules).toEqual([
      { label: 'Domains', values: 'githubcopilot.com' },
      { label: 'Packages (npm)', values: '@github/copilot' },
    ]);
    expect(
      sut.vendorFacts
        .filter((f) => f.origin !== 'none')
        .map((f) => [f.value, f.planLabel, f.override]),
    ).toEqual([
      ['sso: yes, scim: yes, adminConsole: yes, auditLog: not-stated', 'all plans', true],
      ['28 days', 'team', false],
    ]);
    expect(sut.vendorFacts.filter((f) => f.inForce).map((f) => f.label)).toEqual([
      'Trains on inputs by default',
      'Retention',
      'Zero-retention option',
    ]);
    expect(sut.planInForce).toBe('team plan: the plan the organisation holds, per policy');
    expect(sut.plans.find((p) => p.checked)?.value).toBe('team');
    expect(sut.history[0]).toEqual({
      at: '2026-03-04 05:06 UTC',
      actor: 'coe-token',
      via: 'api',
      change:
        'Unreviewed → Tolerated; data classes: none → Internal; now tenant-bound; note changed',
    });
  });

  it('should show what was posted, with its errors, instead of the stored policy', () => {
    const posted = parsePolicyForm({ status: 'bogus', dataClasses: ['pci'] }, copilot.id);
    const sut = policyEditorView(copilot, [], posted);
    expect(sut.dataClasses.filter((s) => s.checked).map((s) => s.value)).toEqual(['pci']);
    expect(sut.errors).toHaveLength(1);
  });
});

describe(describePolicyChange.name, () => {
  it('should say when nothing visible changed', () => {
    expect(describePolicyChange({ status: 'sanctioned' }, { status: 'sanctioned' })).toBe(
      'no visible change',
    );
  });
});
