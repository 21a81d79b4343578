import { parseLeaseCsv } from './lease-csv.parser';

describe(parseLeaseCsv.name, () => {
  it('should read leases with a header, open ends and times with and without a zone', () => {
    const sut = parseLeaseCsv(
      [
        'ip,person,from,to',
        '10.9.0.5,Dana@corp.example,2026-11-24T00:00:00Z,2026-11-25 00:00',
        '::ffff:10.9.0.6,CORP\\erin,,',
        'FD00::5,frank@corp.example,1764000000,',
      ].join('\n'),
    );
    expect(sut.errors).toEqual([]);
    expect(sut.rows).toEqual([
      {
        line: 2,
        ip: '10.9.0.5',
        person: 'Dana@corp.example',
        from: new Date('2026-11-24T00:00:00Z'),
        to: new Date('2026-11-25T00:00:00Z'),
      },
      { line: 3, ip: '10.9.0.6', person: 'CORP\\erin', from: null, to: null },
      {
        line: 4,
        ip: 'fd00::5',
        person: 'frank@corp.example',
        from: new Date(1764000000 * 1000),
        to: null,
      },
    ]);
  });

  it('should name the line and field of each bad row and keep the good ones', () => {
    const sut = parseLeaseCsv(
      [
        '10.0.0.1,,,',
        'printer-7,gina@corp.example,,',
        '10.0.0.2,gina@corp.example,yesterday,',
        '10.0.0.3,gina@corp.example,2026-11-25,2026-11-24',
        '10.0.0.4,gina@corp.example,,',
      ].join('\n'),
      'leases.csv',
    );
    expect(sut.errors).toEqual([
      'leases.csv: line 1: field "person": empty',
      'leases.csv: line 2: field "ip": "printer-7" is not an IP address',
      'leases.csv: line 3: field "from": "yesterday" is not a time',
      'leases.csv: line 4: field "to": 2026-11-24 is not after from (2026-11-25)',
    ]);
    expect(sut.rows.map((r) => r.ip)).toEqual(['10.0.0.4']);
  });
});
