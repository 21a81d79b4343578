import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LinkIdentityDto } from '../dto/people.dto';
import { IDENTITY_KINDS, isResolvableKind, RESOLVABLE_KINDS } from './identity-kinds';
import { normaliseIdentity } from './identity-rules';

const link = (kind: string) =>
  validateSync(
    plainToInstance(LinkIdentityDto, {
      personId: '6f1c1e8e-3a43-4a57-9d3a-7c1b2a1d9e01',
      kind,
      value: 'x@example.com',
    }),
  );

describe('identity kinds', () => {
  it('should resolve every kind but person, which is a person id already', () => {
    expect(RESOLVABLE_KINDS).toEqual(IDENTITY_KINDS.filter((k) => k !== 'person'));
    expect(isResolvableKind('person')).toBe(false);
    expect(isResolvableKind('phone')).toBe(false);
    for (const kind of RESOLVABLE_KINDS)
      expect(typeof normaliseIdentity(kind, ' X ')).toBe('string');
  });

  it('should let the API link every resolvable kind and nothing else', () => {
    for (const kind of RESOLVABLE_KINDS) expect(link(kind)).toEqual([]);
    expect(link('person')).not.toEqual([]);
    expect(link('phone')).not.toEqual([]);
  });
});
