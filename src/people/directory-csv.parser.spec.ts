import { parseDirectoryCsv, previewDirectoryCsv } from './directory-csv.parser';

describe(parseDirectoryCsv.name, () => {
  it('should read people, nested teams and typed aliases when given a directory CSV', () => {
    const sut = parseDirectoryCsv(
      'Email,Name,Team,Manager,GitHub Login,Aliases\n' +
        'Alice@Example.com,Alice Able,Engineering/Platform,,@alice-gh,"CORP\\aable; alice@corp.example"\n' +
        'bob@example.com,Bob Baker,Engineering > Platform,alice@example.com,,\n',
    );
    expect(sut.errors).toEqual([]);
    expect(sut.rows[0]).toEqual({
      line: 2,
      email: 'alice@example.com',
      name: 'Alice Able',
      teamPath: ['Engineering', 'Platform'],
      managerEmail: null,
      githubLogin: 'alice-gh',
      aliases: [
        { kind: 'username', value: 'CORP\\aable' },
        { kind: 'email', value: 'alice@corp.example' },
      ],
    });
    expect(sut.rows[1]).toMatchObject({
      teamPath: ['Engineering', 'Platform'],
      managerEmail: 'alice@example.com',
    });
  });

  it('should report bad rows by line and field and keep the good ones', () => {
    const sut = parseDirectoryCsv(
      'email,github\nnot-mail,x\nok@example.com,bad login!\ncarol@example.com,carol\ncarol@example.com,\n',
      'people.csv',
    );
    expect(sut.rows.map((r) => r.email)).toEqual(['carol@example.com']);
    expect(sut.errors).toEqual([
      'people.csv: line 2: field "email": "not-mail" is not an e-mail address',
      'people.csv: line 3: field "github login": "bad login!" is not a GitHub login',
      'people.csv: line 5: field "email": carol@example.com appears twice; later row skipped',
    ]);
  });

  it('should refuse a file without an email column', () => {
    expect(parseDirectoryCsv('name\nAlice\n').errors).toEqual([
      'directory.csv: line 1: no "email" column in the header',
    ]);
  });
});

describe(previewDirectoryCsv.name, () => {
  it('should name the field each column fills and ignore unknown and repeated ones', () => {
    const sut = previewDirectoryCsv(
      '\uFEFFE-mail,Display Name,Cost centre,Team,GitHub,email\nalice@example.com,Alice,42,Eng,alice,x\n',
    );
    expect(sut).toEqual({
      error: null,
      columns: [
        { index: 0, header: 'E-mail', field: 'email' },
        { index: 1, header: 'Display Name', field: 'name' },
        { index: 2, header: 'Cost centre', field: null },
        { index: 3, header: 'Team', field: 'team' },
        { index: 4, header: 'GitHub', field: 'github login' },
        { index: 5, header: 'email', field: null },
      ],
    });
  });

  it('should say which line stops the import when the header has no e-mail column', () => {
    const sut = previewDirectoryCsv('name,team\nAlice,Eng\n', 'staff.csv');
    expect(sut.error).toBe('staff.csv: line 1: no "email" column in the header');
    expect(sut.columns.map((c) => c.field)).toEqual(['name', 'team']);
  });

  it('should report an empty file', () => {
    expect(previewDirectoryCsv('\n\n').error).toBe('directory.csv: the file is empty');
  });
});
