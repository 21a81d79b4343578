import { defaultPolicy, type CatalogToolView } from '../../../catalog/catalog.service';
import { catalogHref, catalogListView, readCatalogQuery } from './catalog-list.view';

function policyOf(id: string): CatalogToolView['policy'] {
  const { toolId: _toolId, ...policy } = defaultPolicy(id);
  return policy;
}

function tool(id: string, over: Partial<CatalogToolView> = {}): CatalogToolView {
  return {
    id,
    name: id.toUpperCase(),
    vendor: 'Acme',
    category: 'coding-assistant',
    rules: {},
    signals: [],
    overridesBuiltin: false,
    complianceReferences: [],
    policy: policyOf(id),
    ...over,
  };
}

describe(readCatalogQuery.name, () => {
  it('should keep known filters and drop unknown ones when reading the query string', () => {
    expect(
      readCatalogQuery({ q: ' cop ', category: 'llm-api', status: 'nonsense', page: '3' }),
    ).toEqual({ q: 'cop', category: 'llm-api', status: '', page: 3 });
    expect(readCatalogQuery({ page: '-2', category: ['chat-assistant', 'x'] })).toEqual({
      q: '',
      category: 'chat-assistant',
      status: '',
      page: 1,
    });
  });
});

describe(catalogListView.name, () => {
  const tools = Array.from({ length: 7 }, (_, i) => tool(`tool-${i}`));

  it('should show one page and link to the pages around it with the filters kept', () => {
    const sut = catalogListView(
      tools,
      { q: 'to', category: 'coding-assistant', status: '', page: 2 },
      3,
    );
    expect(sut.rows.map((r) => r.id)).toEqual(['tool-3', 'tool-4', 'tool-5']);
    expect(sut.summary).toBe('Showing 4–6 of 7 tools');
    expect(sut.prevHref).toBe('/catalog?q=to&category=coding-assistant');
    expect(sut.nextHref).toBe('/catalog?q=to&category=coding-assistant&page=3');
    expect(sut.categories.find((c) => c.selected)?.value).toBe('coding-assistant');
    expect(sut.statuses.find((c) => c.selected)?.label).toBe('Any status');
  });

  it('should clamp a page past the end to the last page', () => {
    const sut = catalogListView(tools, { q: '', category: '', status: '', page: 9 }, 3);
    expect(sut.query.page).toBe(3);
    expect(sut.rows.map((r) => r.id)).toEqual(['tool-6']);
    expect(sut.nextHref).toBeNull();
  });

  it('should label statuses and data classes and mark custom tools', () => {
    const sut = catalogListView(
      [
        tool('acme-llm', {
          origin: 'custom',
          policy: { ...tool('x').policy, status: 'under-review', dataClasses: ['pii', 'internal'] },
        }),
      ],
      readCatalogQuery({}),
    );
    expect(sut.rows[0]).toMatchObject({
      statusLabel: 'Under review',
      dataClasses: 'PII, Internal',
      custom: true,
      href: '/catalog/tools/acme-llm',
    });
  });

  it('should say so when nothing matches', () => {
    expect(catalogListView([], readCatalogQuery({})).summary).toBe('No tool matches these filters');
    expect(catalogHref(readCatalogQuery({}))).toBe('/catalog');
  });
});
