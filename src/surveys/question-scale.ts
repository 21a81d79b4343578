import type { QuestionDefinition, QuestionOption, QuestionScale } from './survey.types';

/** The points a scale, Likert or NPS question offers; NPS is always 0–10. */
export function scaleOf(q: QuestionDefinition): QuestionScale {
  if (q.kind === 'nps')
    return {
      min: 0,
      max: 10,
      minLabel: q.scale?.minLabel ?? 'Not at all likely',
      maxLabel: q.scale?.maxLabel ?? 'Extremely likely',
    };
  return q.scale ?? { min: 1, max: 5 };
}

export function scalePoints(scale: QuestionScale): QuestionOption[] {
  const points: QuestionOption[] = [];
  for (let n = scale.min; n <= scale.max; n++) {
    const end =
      n === scale.min && scale.minLabel
        ? ` (${scale.minLabel})`
        : n === scale.max && scale.maxLabel
          ? ` (${scale.maxLabel})`
          : '';
    points.push({ value: String(n), label: `${n}${end}` });
  }
  return points;
}

/** A matrix's columns: its scale's points when it has one, else its options. */
export function matrixColumns(q: QuestionDefinition): QuestionOption[] {
  return q.scale ? scalePoints(q.scale) : (q.options ?? []);
}

/** Values a question's answer may take, for the kinds with a closed list (else null). */
export function closedValues(q: QuestionDefinition): string[] | null {
  switch (q.kind) {
    case 'single':
    case 'multiple':
    case 'tool-picker':
    case 'ranking':
      return (q.options ?? []).map((o) => o.value);
    case 'scale':
    case 'likert':
    case 'nps':
      return scalePoints(scaleOf(q)).map((p) => p.value);
    case 'matrix': {
      const columns = matrixColumns(q).map((c) => c.value);
      return (q.items ?? []).flatMap((i) => columns.map((c) => `${i.value}=${c}`));
    }
    case 'text':
    case 'number':
      return null;
  }
}
