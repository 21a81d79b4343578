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

  describe('per action', () => {
    const chatOnly = {
      status: 'sanctioned' as const,
      allowedDataClasses: [],
      tenantBound: false,
      actions: { chat: 'sanctioned' as const, upload: 'prohibited' as const },
    };

    it('should make an upload to a tool prohibited for uploads a violation, naming it', () => {
      const sut = evaluateSanction({
        policy: chatOnly,
        dataClasses: [],
        actions: ['chat', 'upload'],
        toolName: 'ChatGPT',
      });
      expect(sut).toMatchObject({ status: 'violation', shadow: true, policyStatus: 'sanctioned' });
      expect(sut.actionViolations).toEqual([
        {
          action: 'upload',
          status: 'prohibited',
          reason: 'upload to ChatGPT (prohibited for uploads)',
        },
      ]);
      expect(sut.reasons).toContain('upload to ChatGPT (prohibited for uploads)');
    });

    it('should leave chat alone where chat is what the policy allows', () => {
      const sut = evaluateSanction({ policy: chatOnly, dataClasses: [], actions: ['chat'] });
      expect(sut).toMatchObject({ status: 'sanctioned', shadow: false, actionViolations: [] });
    });

    it('should count an action under review as a violation, and an unknown action as none', () => {
      const sut = evaluateSanction({
        policy: { ...chatOnly, actions: { agent: 'under-review' } },
        dataClasses: [],
        actions: ['agent', 'teleport'],
        toolName: 'Claude',
      });
      expect(sut.actionViolations.map((v) => v.reason)).toEqual([
        'agent mode of Claude (under-review for agent mode)',
      ]);
    });

    it('should not turn a prohibited tool into a violation for its actions', () => {
      const sut = evaluateSanction({
        policy: { ...chatOnly, status: 'prohibited' },
        dataClasses: [],
        actions: ['upload'],
      });
      expect(sut).toMatchObject({ status: 'prohibited', actionViolations: [] });
    });
  });
});
