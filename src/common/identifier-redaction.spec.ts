import { ERASED_MARK, identifierPattern, redactJson, redactText } from './identifier-redaction';

describe('identifierPattern', () => {
  const p = identifierPattern(['ann@corp.example', '10.0.0.1', 'ann', 'CORP\\ann']);

  it('should replace whole identifiers and leave longer tokens that contain them', () => {
    expect(redactText('mail ann@corp.example, not joanna or 10.0.0.17; ANN.', p)).toBe(
      `mail ${ERASED_MARK}, not joanna or 10.0.0.17; ${ERASED_MARK}.`,
    );
    expect(redactText('ann.b@corp.example and 10.0.0.1.', p)).toBe(
      `ann.b@corp.example and ${ERASED_MARK}.`,
    );
  });

  it('should find identifiers in JSON strings after an escape and in keys', () => {
    const value = { ids: ['username\tann', 'ip\t10.0.0.1'], by: { 'CORP\\ann': 3 } };
    expect(JSON.stringify(redactJson(value, p))).not.toMatch(/ann|10\.0\.0\.1\b/i);
    expect(redactJson(value, p).ids).toEqual([`username\t${ERASED_MARK}`, `ip\t${ERASED_MARK}`]);
  });

  it('should escape regular-expression characters and skip identifiers too short to search', () => {
    expect(identifierPattern(['a', ' '])).toBeNull();
    expect(
      redactText('a+b@x.example and aXb@x.example', identifierPattern(['a+b@x.example'])),
    ).toBe(`${ERASED_MARK} and aXb@x.example`);
  });
});
