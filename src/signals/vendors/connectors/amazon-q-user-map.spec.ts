import type { VendorUsageDay } from '../connector.types';
import { identityCenterIds, parseUserMap } from './amazon-q-user-map';

const ANN = '906751e3d4-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const BO = '2c4e6a80-1111-4222-8333-944455556666';

describe(parseUserMap.name, () => {
  it('should read ids and e-mails, lower-cased, and name each bad row', () => {
    const { entries, rejected } = parseUserMap(
      [
        'UserId,Email',
        `${ANN.toUpperCase()},Ann@Acme.example`,
        `${BO},bo@acme.example`,
        'ann,ann@acme.example',
        `${BO},not-an-email`,
        `${BO},other@acme.example`,
      ].join('\n'),
    );
    expect(entries).toEqual([
      { line: 2, id: ANN, email: 'ann@acme.example' },
      { line: 3, id: BO, email: 'bo@acme.example' },
    ]);
    expect(rejected).toEqual([
      { line: 4, field: 'userid', message: '"ann" is not an IAM Identity Center user id' },
      { line: 5, field: 'email', message: '"not-an-email" is not an e-mail address' },
      { line: 6, field: 'userid', message: `${BO} is mapped to bo@acme.example already` },
    ]);
  });
});

describe(identityCenterIds.name, () => {
  const use = (email: string, identityKind: 'email' | 'username'): VendorUsageDay => ({
    toolId: 'amazon-q-developer',
    email,
    identityKind,
    day: '2026-11-20',
    count: 3,
    detail: {},
  });

  it('should list each Identity Center id once, leaving e-mails and other user names out', () => {
    expect(
      identityCenterIds([
        use(BO, 'username'),
        use(ANN, 'username'),
        use(BO, 'username'),
        use('cy@acme.example', 'email'),
        use('corp-ann', 'username'),
      ]),
    ).toEqual([BO, ANN]);
  });
});
