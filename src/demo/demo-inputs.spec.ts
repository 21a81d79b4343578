import { parseDirectoryCsv } from '../people/directory-csv.parser';
import { directoryCsv, splitSquidLog, splitZeekLog } from './demo-inputs';
import type { DemoPerson } from './demo-org.types';

const person: DemoPerson = {
  id: 'p1',
  name: 'Ada "Al" Lovelace',
  email: 'ada@northwind.example',
  githubLogin: 'adalovelace',
  commitEmail: 'ada.l@users.northwind.example',
  proxyUser: 'alovelace',
  ip: '10.20.1.10',
  team: 'Clinical Records',
  site: 'hq-proxy',
};

describe('demo inputs', () => {
  it('should write a directory the people module reads back with every alias when imported', () => {
    const sut = parseDirectoryCsv(directoryCsv([person]));

    expect(sut.errors).toEqual([]);
    expect(sut.rows).toEqual([
      expect.objectContaining({
        email: person.email,
        name: person.name,
        teamPath: ['Clinical Records'],
        githubLogin: 'adalovelace',
        aliases: [
          { kind: 'username', value: 'alovelace' },
          { kind: 'email', value: person.commitEmail },
          { kind: 'ip', value: person.ip },
        ],
      }),
    ]);
  });

  it('should cut a Squid log at the instant when split', () => {
    const log = '1000.000 5 10.0.0.1 TCP/200 10 GET https://a/ u - text\n2000.500 5 10.0.0.1 x\n';

    const sut = splitSquidLog(log, new Date(1_500_000));

    expect(sut.before).toBe('1000.000 5 10.0.0.1 TCP/200 10 GET https://a/ u - text\n');
    expect(sut.after).toBe('2000.500 5 10.0.0.1 x\n');
  });

  it('should keep the Zeek header in both halves when split', () => {
    const head = ['#separator \\x09', '#fields\tts\tuid'];
    const log = [...head, '1000.0\tC1', '2000.0\tC2', '#close\tx'].join('\n') + '\n';

    const sut = splitZeekLog(log, new Date(1_500_000));

    expect(sut.before).toBe([...head, '1000.0\tC1', '#close\tx'].join('\n') + '\n');
    expect(sut.after).toBe([...head, '2000.0\tC2', '#close\tx'].join('\n') + '\n');
  });
});
