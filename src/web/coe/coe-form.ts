// Reading what a browser form posts (application/x-www-form-urlencoded, extended parser): a field
// is missing, one string, or an array when repeated (checkboxes). Never trust its shape.

export type CoeFormBody = Record<string, unknown>;

/** One problem with one field, shown beside that field and in the page's error summary. */
export interface CoeFieldError {
  field: string;
  message: string;
}

/** The field as trimmed text; '' when missing or not text. */
export function formText(body: CoeFormBody, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0].trim();
  return '';
}

/** Every non-empty value of a repeated field (checkboxes), trimmed. */
export function formList(body: CoeFormBody, name: string): string[] {
  const value = body[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A checkbox: checked when present with a truthy value. */
export function formFlag(body: CoeFormBody, name: string): boolean {
  return ['on', 'true', '1', 'yes'].includes(formText(body, name).toLowerCase());
}

/** A textarea of one entry per line (commas also split), without blanks or repeats. */
export function formLines(body: CoeFormBody, name: string): string[] {
  return [
    ...new Set(
      formText(body, name)
        .split(/[\r\n,]+/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ),
  ];
}

/** A whole number within bounds, or an error naming the field. */
export function formInt(
  body: CoeFormBody,
  name: string,
  label: string,
  bounds: { min: number; max: number; fallback?: number },
): { value?: number; error?: CoeFieldError } {
  const raw = formText(body, name);
  if (raw === '') {
    return bounds.fallback !== undefined
      ? { value: bounds.fallback }
      : { error: { field: name, message: `${label}: enter a number` } };
  }
  if (!/^\d+$/.test(raw) || Number(raw) < bounds.min || Number(raw) > bounds.max) {
    return {
      error: {
        field: name,
        message: `${label}: enter a whole number from ${bounds.min} to ${bounds.max}`,
      },
    };
  }
  return { value: Number(raw) };
}

/** A select or radio value that must be one of `allowed`. */
export function formChoice<T extends string>(
  body: CoeFormBody,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = formText(body, name);
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A query string value as one string (repeated keys: the first). */
export function queryText(query: Record<string, unknown>, name: string): string {
  return formText(query, name);
}

/** "pii" → "PII", "under-review" → "Under review": labels for the enums the pages show. */
export function enumLabel(value: string): string {
  if (/^(pii|phi|pci)$/.test(value)) return value.toUpperCase();
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
