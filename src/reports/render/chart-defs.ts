import type { RiskTier } from '../../findings/findings.types';
import { RISK_TIERS } from '../../findings/findings.types';
import type {
  BaselineModel,
  FindingsReportModel,
  InventoryModel,
  ReportModel,
} from '../model/report.types';

export interface ChartDef {
  id: string;
  type: 'bar' | 'doughnut' | 'line';
  data: { labels: string[]; datasets: Record<string, unknown>[] };
  options?: Record<string, unknown>;
}

const TIER_COLOURS: Record<RiskTier, string> = {
  critical: '#b42318',
  high: '#e0661b',
  medium: '#d9a400',
  low: '#5c8f3a',
};
const PALETTE = [
  '#2f5bea',
  '#14a38b',
  '#e0661b',
  '#8e44ad',
  '#d9a400',
  '#b42318',
  '#5c8f3a',
  '#1f7a8c',
  '#c2185b',
  '#6d4c41',
];

export function chartsFor(model: ReportModel): ChartDef[] {
  switch (model.kind) {
    case 'baseline':
      return baselineCharts(model);
    case 'inventory':
      return inventoryCharts(model);
    case 'findings':
      return findingsCharts(model);
  }
}

function baselineCharts(m: BaselineModel): ChartDef[] {
  const tools = m.tools.slice(0, 12);
  const teams = m.teams;
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return [
    {
      id: 'chart-tools',
      type: 'bar',
      data: {
        labels: tools.map((t) => t.name),
        datasets: [
          {
            label: 'observed',
            data: tools.map((t) => t.observedPeople),
            backgroundColor: '#2f5bea',
          },
          {
            label: 'self-reported',
            data: tools.map((t) => t.selfReportedPeople),
            backgroundColor: '#9db4f5',
          },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    {
      id: 'chart-tiers',
      type: 'doughnut',
      data: {
        labels: [...RISK_TIERS],
        datasets: [
          {
            data: RISK_TIERS.map((t) => m.headline.shadowByTier[t]),
            backgroundColor: RISK_TIERS.map((t) => TIER_COLOURS[t]),
          },
        ],
      },
    },
    {
      id: 'chart-teams',
      type: 'bar',
      data: {
        labels: teams.map((t) => t.team),
        datasets: [
          {
            label: 'observed %',
            data: teams.map((t) => pct(t.observedShare)),
            backgroundColor: '#2f5bea',
          },
          {
            label: 'self-reported %',
            data: teams.map((t) => pct(t.selfReportedShare)),
            backgroundColor: '#9db4f5',
          },
          {
            label: 'disclosure gap %',
            data: teams.map((t) => pct(t.disclosureGap)),
            backgroundColor: '#e0661b',
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, max: 100 } } },
    },
  ];
}

function inventoryCharts(m: InventoryModel): ChartDef[] {
  const tools = m.tools.slice(0, 8);
  return [
    {
      id: 'chart-trend',
      type: 'line',
      data: {
        labels: tools[0]?.trend.map((p) => p.week) ?? [],
        datasets: tools.map((t, i) => ({
          label: t.name,
          data: t.trend.map((p) => p.people),
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          tension: 0.2,
        })),
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
  ];
}

function findingsCharts(m: FindingsReportModel): ChartDef[] {
  return [
    {
      id: 'chart-tiers',
      type: 'bar',
      data: {
        labels: [...RISK_TIERS],
        datasets: [
          {
            label: 'findings',
            data: RISK_TIERS.map((t) => m.byTier[t]),
            backgroundColor: RISK_TIERS.map((t) => TIER_COLOURS[t]),
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    },
  ];
}
