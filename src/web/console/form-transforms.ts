import { Transform } from 'class-transformer';

/**
 * Form fields arrive as strings, and an untouched field as "" (a GET form's "any" option, an empty
 * date). These read "" as absent; the validators after them see undefined, a number or a Date.
 */
export const BlankAsAbsent = () =>
  Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

export const OptionalNumber = () =>
  Transform(({ value }: { value: unknown }) =>
    value === '' || value === undefined || value === null ? undefined : Number(value),
  );

export const OptionalDate = () =>
  Transform(({ value }: { value: unknown }) =>
    value === '' || value === undefined || value === null ? undefined : new Date(String(value)),
  );
