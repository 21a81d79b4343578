import { evaluateSanction } from './sanction';

describe(evaluateSanction.name, () => {
  it('should treat a tool without policy as unreviewed shadow use', () => {
    const sut = evaluateSanction({ policy: undefined, dataClasses: [] });
    expect(sut).toMatchObject({ status: 'unreviewed', policyStatus: 'unreviewed', shadow: true });
  });

  it('should flag a data-class violation when a public-only tool is traced in a pii repository', () => {
    const sut = evaluateSanction({
      policy: {
        status: 'sanctioned',
        allowedDataClasses: ['public', 'internal'],
        tenantBound: false,
      },
      dataClasses: ['pii', 'internal', 'phi', 'pii'],
    });
    expect(sut).toMatchObject({
      status: 'violation',
      shadow: true,
      dataClassViolations: ['phi', 'pii'],
    });
    expect(sut.reasons[0]).toContain('phi, pii');
  });

  it('should stay sanctioned when all data classes are allowed', () => {
    const sut = evaluateSanction({
      policy: {
        status: 'sanctioned',
        allowedDataClasses: ['public', 'internal'],
        tenantBound: false,
      },
      dataClasses: ['internal'],
    });
    expect(sut).toMatchObject({ status: 'sanctioned', shadow: false, dataClassViolations: [] });
  });

  it('should treat a tenant-bound tool used without an organisation seat as a personal account', () => {
    const sut = evaluateSanction({
      policy: { status: 'sanctioned', allowedDataClasses: [], tenantBound: true },
      dataClasses: [],
      hasOrgSeat: false,
    });
    expect(sut).toMatchObject({ status: 'violation', personalAccount: true, shadow: true });
  });

  it('should keep a seat holder of a tenant-bound tool sanctioned', () => {
    const sut = evaluateSanction({
      policy: { status: 'sanctioned', allowedDataClasses: [], tenantBound: true },
      dataClasses: [],
      hasOrgSeat: true,
    });
    expect(sut.status).toBe('sanctioned');
  });

  it('should not turn a prohibited tool into a violation when data classes differ', () => {
    const sut = evaluateSanction({
      policy: { status: 'prohibited', allowedDataClasses: ['public'], tenantBound: true },
      dataClasses: ['phi'],
      hasOrgSeat: false,
    });
    expect(sut).toMatchObject({ status: 'prohibited', shadow: true, personalAccount: false });
  });

  it('should count tolerated use as not shadow', () => {
    const sut = evaluateSanction({
      policy: { status: 'tolerated', allowedDataClasses: [], tenantBound: false },
      dataClasses: ['pii'],
    });
    expect(sut).toMatchObject({ status: 'tolerated', shadow: false });
  });
});
