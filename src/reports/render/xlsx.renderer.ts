import type { InventoryModel } from '../model/report.types';

/** The CoE inventory as a workbook: one sheet of tools, one of tool × team, one of tool × repository. */
export async function renderInventoryXlsx(m: InventoryModel): Promise<Buffer> {
  // exceljs is loaded when a workbook is made, not when the module is (start-up cost).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AI Census';
  wb.created = new Date(m.generatedAt);
  const tools = wb.addWorksheet('Tools', { views: [{ state: 'frozen', ySplit: 1 }] });
  tools.columns = [
    { header: 'Tool', key: 'name', width: 24 },
    { header: 'Vendor', key: 'vendor', width: 18 },
    { header: 'Category', key: 'category', width: 18 },
    { header: 'Policy', key: 'policyStatus', width: 14 },
    { header: 'People', key: 'people', width: 9 },
    { header: 'Self-reported', key: 'selfReportedPeople', width: 13 },
    { header: 'Teams', key: 'teams', width: 9 },
    { header: 'Repositories', key: 'repositories', width: 13 },
    { header: 'Signals', key: 'signals', width: 30 },
    { header: 'First seen', key: 'firstSeen', width: 12 },
    { header: 'Last seen', key: 'lastSeen', width: 12 },
    { header: 'Change', key: 'change', width: 9 },
    { header: 'Top tier', key: 'topTier', width: 10 },
    { header: 'Max score', key: 'maxScore', width: 10 },
    { header: 'Shadow findings', key: 'shadowFindings', width: 15 },
  ];
  for (const t of m.tools) {
    tools.addRow({
      ...t,
      teams: t.teams.length,
      repositories: t.repositories.length,
      signals: t.signals.join(', '),
      firstSeen: t.firstSeen ? new Date(t.firstSeen) : null,
      lastSeen: t.lastSeen ? new Date(t.lastSeen) : null,
      change: t.peopleBefore === null ? null : t.people - t.peopleBefore,
    });
  }
  tools.getRow(1).font = { bold: true };
  tools.getColumn('firstSeen').numFmt = 'yyyy-mm-dd';
  tools.getColumn('lastSeen').numFmt = 'yyyy-mm-dd';
  tools.autoFilter = { from: 'A1', to: 'O1' };

  const teams = wb.addWorksheet('Tool teams');
  teams.addRow(['Tool', 'Team']).font = { bold: true };
  for (const t of m.tools) for (const team of t.teams) teams.addRow([t.name, team]);
  const repos = wb.addWorksheet('Tool repositories');
  repos.addRow(['Tool', 'Repository']).font = { bold: true };
  for (const t of m.tools) for (const r of t.repositories) repos.addRow([t.name, r]);
  if (m.seats?.length) {
    const seats = wb.addWorksheet('Seats');
    seats.addRow([
      'Tool',
      'Team',
      'Seats',
      'Idle',
      'Idle days',
      'Idle cost / month',
      'Heavy users without a seat',
    ]).font = { bold: true };
    for (const s of m.seats) {
      seats.addRow([
        s.name,
        '(all)',
        s.seats,
        s.idle,
        s.idleDays,
        s.idleMonthlyCost,
        s.heavyUsersWithoutSeat,
      ]);
      for (const t of s.byTeam)
        seats.addRow([s.name, t.team, t.seats, t.idle, s.idleDays, null, null]);
    }
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
