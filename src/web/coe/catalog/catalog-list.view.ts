import type { CatalogToolView } from '../../../catalog/catalog.service';
import {
  POLICY_STATUSES,
  TOOL_CATEGORIES,
  type PolicyStatus,
  type ToolCategory,
} from '../../../catalog/catalog.types';
import { enumLabel, queryText } from '../coe-form';

export const CATALOG_PAGE_SIZE = 50;

/** The catalog page's filters as read from its query string; unknown values are dropped. */
export interface CatalogQuery {
  q: string;
  category: ToolCategory | '';
  status: PolicyStatus | '';
  page: number;
}

export interface CoeOption {
  value: string;
  label: string;
  selected: boolean;
}

export interface CatalogRowView {
  id: string;
  name: string;
  vendor: string;
  category: string;
  status: PolicyStatus;
  statusLabel: string;
  dataClasses: string;
  tenantBound: boolean;
  custom: boolean;
  href: string;
}

export interface CatalogListView {
  query: CatalogQuery;
  categories: CoeOption[];
  statuses: CoeOption[];
  rows: CatalogRowView[];
  total: number;
  /** "Showing 51–100 of 312 tools" */
  summary: string;
  prevHref: string | null;
  nextHref: string | null;
}

export function readCatalogQuery(query: Record<string, unknown>): CatalogQuery {
  const category = queryText(query, 'category');
  const status = queryText(query, 'status');
  const page = Number(queryText(query, 'page'));
  return {
    q: queryText(query, 'q').slice(0, 200),
    category: (TOOL_CATEGORIES as readonly string[]).includes(category)
      ? (category as ToolCategory)
      : '',
    status: (POLICY_STATUSES as readonly string[]).includes(status) ? (status as PolicyStatus) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function catalogHref(query: CatalogQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.status) params.set('status', query.status);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/catalog?${text}` : '/catalog';
}

function options(values: readonly string[], selected: string, anyLabel: string): CoeOption[] {
  return [
    { value: '', label: anyLabel, selected: selected === '' },
    ...values.map((v) => ({ value: v, label: enumLabel(v), selected: v === selected })),
  ];
}

/** One page of the (already filtered) tools, with the filter controls set as the query asks. */
export function catalogListView(
  tools: readonly CatalogToolView[],
  query: CatalogQuery,
  pageSize = CATALOG_PAGE_SIZE,
): CatalogListView {
  const pages = Math.max(1, Math.ceil(tools.length / pageSize));
  const page = Math.min(query.page, pages);
  const shown = tools.slice((page - 1) * pageSize, page * pageSize);
  const first = tools.length === 0 ? 0 : (page - 1) * pageSize + 1;
  const current = { ...query, page };
  return {
    query: current,
    categories: options(TOOL_CATEGORIES, query.category, 'Any category'),
    statuses: options(POLICY_STATUSES, query.status, 'Any status'),
    rows: shown.map((t) => ({
      id: t.id,
      name: t.name,
      vendor: t.vendor,
      category: enumLabel(t.category),
      status: t.policy.status,
      statusLabel: enumLabel(t.policy.status),
      dataClasses: t.policy.dataClasses.map(enumLabel).join(', ') || '—',
      tenantBound: t.policy.tenantBound,
      custom: t.origin === 'custom',
      href: `/catalog/tools/${encodeURIComponent(t.id)}`,
    })),
    total: tools.length,
    summary:
      tools.length === 0
        ? 'No tool matches these filters'
        : `Showing ${first}–${first + shown.length - 1} of ${tools.length} tool${tools.length === 1 ? '' : 's'}`,
    prevHref: page > 1 ? catalogHref(current, page - 1) : null,
    nextHref: page < pages ? catalogHref(current, page + 1) : null,
  };
}
