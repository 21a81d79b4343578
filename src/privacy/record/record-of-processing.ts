import type { PrivacyDocument } from '../privacy-document';
import { roleAccessTable, type ProcessingFacts } from '../processing-facts';

/**
 * The record of processing activities (GDPR art. 30 shape) to attach to a data-protection impact
 * assessment: purposes, categories of data and of people, recipients by role, retention and
 * safeguards, from the live configuration.
 */
export function buildRecordOfProcessing(
  facts: ProcessingFacts,
  generatedAt: Date,
): PrivacyDocument {
  const enabled = facts.sources.filter((s) => s.enabled);
  return {
    title: 'AI Census: record of processing',
    intro: [
      `Generated ${generatedAt.toISOString().slice(0, 10)} from the live configuration of this installation. The public transparency notice (/privacy) is built from the same facts.`,
    ],
    sections: [
      {
        heading: 'Purposes',
        items: [
          'Inventory of the AI tools used in engineering, to legitimise the useful ones (catalog, policy)',
          'Finding unsanctioned ("shadow") AI use and ranking it by risk for security review',
          'Aggregate adoption reporting for leaders (no names, groups under k suppressed)',
          'Follow-up with people on identified surveys and findings, where the mode allows it',
        ],
      },
      {
        heading: 'Categories of people',
        items: [
          'Employees and contractors in the imported directory (engineering organisation)',
          'Authors of commits in the scanned repositories',
          'Users named in network logs (user names or addresses, by lease)',
          'Survey respondents',
          'Staff using AI Census (API token holders), in the audit log',
        ],
      },
      {
        heading: 'Categories of data, by source in use',
        paragraphs: enabled.length === 0 ? ['No source is in use.'] : [],
        table: {
          caption: 'Sources, what each keeps and never keeps',
          header: ['Source', 'In use', 'Keeps', 'Never keeps'],
          rows: facts.sources.map((s) => [
            s.name,
            s.enabled ? `yes (${s.because.join('; ')})` : 'no',
            s.keeps.join('; '),
            s.never.join('; '),
          ]),
        },
        items: [
          'Directory: name, e-mail, team, manager, GitHub login, identities (e-mails, logins, user names), IP leases',
          'Findings: per (person, tool): sanction status, disclosure, risk score with its factors, triage history',
        ],
      },
      {
        heading: 'Surveys',
        paragraphs: facts.surveys.length === 0 ? ['No survey has been created.'] : [],
        table:
          facts.surveys.length === 0
            ? undefined
            : {
                caption: 'Surveys and privacy modes',
                header: ['Survey', 'Mode', 'k', 'Status'],
                rows: facts.surveys.map((s) => [s.title, s.privacyMode, String(s.k), s.status]),
              },
      },
      {
        heading: 'Recipients by role',
        table: roleAccessTable(facts, 'Who sees what'),
        paragraphs: [
          'No data leaves the installation except the reports and exports these roles download.',
        ],
      },
      {
        heading: 'Retention',
        table: {
          caption: 'Retention per kind of data',
          header: ['Data', 'Period (days)', 'Rule'],
          rows: facts.retention.map((r) => [
            r.data,
            r.days !== null ? String(r.days) : r.setting ? `not set (${r.setting})` : '—',
            r.rule,
          ]),
        },
      },
      { heading: 'Safeguards', items: facts.safeguards },
      {
        heading: 'Rights of the people concerned',
        paragraphs: [
          `Subject access: \`ai-census person export\` or GET /api/privacy/people/:person/export (privacy and admin roles, audited), JSON or CSV. Contact: ${facts.contact ?? 'the administrators of this installation (PRIVACY_CONTACT is not set)'}.`,
        ],
      },
    ],
  };
}
