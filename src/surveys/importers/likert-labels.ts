// Agreement scales written out as words (Qualtrics, SurveyMonkey, Microsoft Forms "Likert" rows
// export the chosen label): read as Likert points so their results have a mean.

const FIVE = [
  'strongly disagree',
  'disagree',
  'neither agree nor disagree',
  'agree',
  'strongly agree',
];
const SEVEN = [
  'strongly disagree',
  'disagree',
  'somewhat disagree',
  'neither agree nor disagree',
  'somewhat agree',
  'agree',
  'strongly agree',
];
const SYNONYMS: Record<string, string> = { neutral: 'neither agree nor disagree' };

const norm = (v: string) => {
  const s = v.trim().toLowerCase();
  return SYNONYMS[s] ?? s;
};

/** The scale the labels come from (5 or 7 points), or null when they are not all agreement labels. */
export function likertPointsOf(values: string[]): 5 | 7 | null {
  if (!values.length) return null;
  const labels = values.map(norm);
  if (labels.every((l) => FIVE.includes(l))) return 5;
  if (labels.every((l) => SEVEN.includes(l))) return 7;
  return null;
}

/** A label's point on its scale (1 = strongly disagree). */
export function likertPoint(value: string, points: 5 | 7): string {
  return String((points === 5 ? FIVE : SEVEN).indexOf(norm(value)) + 1);
}

// Other ordered labels a grid's columns are commonly written in, low to high.
const ORDINALS = [
  ['never', 'rarely', 'sometimes', 'often', 'always'],
  ['never', 'less than monthly', 'monthly', 'weekly', 'daily'],
  ['not at all', 'slightly', 'moderately', 'very', 'extremely'],
];

/** Labels put in their scale's order (low to high) when they all come from one known scale. */
export function inScaleOrder(values: string[]): string[] {
  const lower = values.map((v) => v.trim().toLowerCase());
  const scale = ORDINALS.find((s) => lower.every((v) => s.includes(v)));
  if (!scale) return values;
  return [...values].sort(
    (a, b) => scale.indexOf(a.trim().toLowerCase()) - scale.indexOf(b.trim().toLowerCase()),
  );
}
