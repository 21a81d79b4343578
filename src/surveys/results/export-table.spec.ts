import type { Answers, QuestionDefinition } from '../survey.types';
import { exportCsv } from './export-files';
import { exportTable, SMALL_TEAM } from './export-table';

const questions: QuestionDefinition[] = [
  {
    key: 'phases',
    text: 'Use per phase',
    kind: 'matrix',
    required: true,
    items: [
      { value: 'coding', label: 'Coding' },
      { value: 'review', label: 'Review' },
    ],
    scale: { min: 1, max: 5 },
  },
  {
    key: 'rank',
    text: 'Barriers',
    kind: 'ranking',
    required: false,
    options: [
      { value: 'time', label: 'Time' },
      { value: 'trust', label: 'Trust' },
    ],
  },
  { key: 'hours', text: 'Hours', kind: 'number', required: false, number: { unit: 'h' } },
  {
    key: 'kinds',
    text: 'Kinds',
    kind: 'multiple',
    required: false,
    options: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ],
  },
];

describe(exportTable.name, () => {
  const responses: { answers: Answers; team: string | null }[] = [
    {
      answers: {
        phases: { coding: '4', review: '2' },
        rank: ['trust', 'time'],
        hours: '3.5',
        kinds: ['a', 'b'],
      },
      team: 'eng',
    },
    { answers: { phases: { coding: '5' } }, team: 'eng' },
    { answers: { hours: '=1+1' }, team: 'sales' },
  ];

  it('should give a matrix a column per item and a ranking one per option with its rank', () => {
    const sut = exportTable('s', questions, responses, 2);
    expect(sut.columns.map((c) => c.header)).toEqual([
      'team',
      'phases[coding]',
      'phases[review]',
      'rank[time]',
      'rank[trust]',
      'hours',
      'kinds',
    ]);
    expect(sut.rows[0]).toEqual(['eng', 4, 2, 2, 1, 3.5, 'a; b']);
    expect(sut.rows[2][0]).toBe(SMALL_TEAM);
  });

  it('should neutralise formulas in the CSV and refuse fewer than k responses', () => {
    expect(exportCsv(exportTable('s', questions, responses, 2))).toContain(",'=1+1,");
    expect(() => exportTable('s', questions, responses, 4)).toThrow(/fewer than k \(4\)/);
  });
});
