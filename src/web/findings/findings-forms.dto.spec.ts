import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FindingsFilterForm, TriageForm } from './findings-forms.dto';

const check = <T extends object>(cls: new () => T, plain: Record<string, unknown>) => {
  const value = plainToInstance(cls, plain);
  return { value, errors: validateSync(value, { whitelist: true, forbidNonWhitelisted: true }) };
};

describe(TriageForm.name, () => {
  it('should read an untouched date and reason as absent, and one id as a list', () => {
    const { value, errors } = check(TriageForm, {
      action: 'acknowledge',
      acceptedUntil: '',
      comment: '',
      ids: '6f1c1b1e-8f8a-4b5e-9c7d-2a1b3c4d5e6f',
    });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ acceptedUntil: undefined, comment: undefined });
    expect(value.ids).toEqual(['6f1c1b1e-8f8a-4b5e-9c7d-2a1b3c4d5e6f']);
  });

  it('should turn a date field into a Date and refuse a bad date or an unknown action', () => {
    expect(
      check(TriageForm, { action: 'accept', acceptedUntil: '2027-01-31' }).value.acceptedUntil,
    ).toEqual(new Date('2027-01-31T00:00:00Z'));
    const bad = check(TriageForm, { action: 'reopen', acceptedUntil: 'soon' });
    expect(bad.errors.map((e) => e.property).sort()).toEqual(['acceptedUntil', 'action']);
  });
});

describe(FindingsFilterForm.name, () => {
  it('should treat every "any" option as no filter when the form sends empty values', () => {
    const { value, errors } = check(FindingsFilterForm, {
      tier: '',
      team: '',
      page: '',
      signal: '',
    });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ tier: undefined, team: undefined, page: undefined });
    expect(check(FindingsFilterForm, { page: '0' }).errors.map((e) => e.property)).toEqual([
      'page',
    ]);
  });
});
