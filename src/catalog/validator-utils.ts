// Small checks shared by the catalog's validators.

export type Fail = (field: string, message: string) => void;

export function checkStrings(value: unknown, field: string, fail: Fail): value is string[] {
  if (!Array.isArray(value)) {
    fail(field, 'must be a list of strings');
    return false;
  }
  const seen = new Set<string>();
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '')
      fail(`${field}[${i}]`, 'must be a non-empty string');
    else if (seen.has(v)) fail(`${field}[${i}]`, `repeats "${v}"`);
    else seen.add(v);
  });
  return true;
}

export function isHttpsUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
}
