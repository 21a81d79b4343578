import type { PrivacyDocument } from '../privacy-document';
import { roleAccessTable, type ProcessingFacts } from '../processing-facts';

const MODE_TEXT = {
  identified: 'identified (answers are stored with your name)',
  pseudonymous: 'pseudonymous (answers are stored under a keyed code, not your name)',
  anonymous: 'anonymous (nothing links the answers to you)',
} as const;

/** The page the people being measured read: what is collected about them, and what is not. */
export function buildTransparencyNotice(facts: ProcessingFacts): PrivacyDocument {
  const enabled = facts.sources.filter((s) => s.enabled);
  const disabled = facts.sources.filter((s) => !s.enabled);
  return {
    title: 'AI Census: what is collected about you',
    intro: [
      'AI Census helps this organisation learn which AI tools its engineers use, so that the useful ones can be made official and the risky ones addressed. This page is generated from the service’s live configuration and changes when it does; earlier versions are listed at /privacy/history.',
      'AI Census keeps metadata only: which AI tool, when and how much. It never stores prompts, completions, chat content, source code or file contents. Survey answers are kept as you give them.',
    ],
    sections: [
      {
        heading: 'Sources switched on',
        paragraphs: enabled.length === 0 ? ['No source is switched on: nothing is collected.'] : [],
        items: enabled.map(
          (s) =>
            `${s.name}. Keeps: ${s.keeps.join('; ')}. Never keeps: ${s.never.join('; ')}. (Switched on: ${s.because.join('; ')}.)`,
        ),
      },
      {
        heading: 'Sources switched off',
        paragraphs: disabled.length === 0 ? ['Every source is switched on.'] : [],
        items: disabled.map((s) => `${s.name}: not collected.`),
      },
      {
        heading: 'Surveys and their privacy modes',
        paragraphs:
          facts.surveys.length === 0
            ? ['No survey has been created.']
            : ['Reports for leaders only show totals of at least k people.'],
        items: facts.surveys.map(
          (s) => `“${s.title}” (${s.status}): ${MODE_TEXT[s.privacyMode]}; k = ${s.k}.`,
        ),
      },
      {
        heading: 'How long data is kept',
        table: {
          caption: 'Retention per kind of data',
          header: ['Data', 'Kept'],
          rows: facts.retention.map((r) => [r.data, r.rule]),
        },
      },
      {
        heading: 'Who can see data about you',
        table: roleAccessTable(facts, 'Access by role'),
        paragraphs: [
          'Every read of person-level data is recorded in an audit log with who read it and when.',
        ],
      },
      {
        heading: 'Safeguards',
        items: facts.safeguards,
      },
      {
        heading: 'Getting your own data',
        paragraphs: [
          `You may ask for a copy of everything AI Census holds about you (directory entry, identities, evidence, findings and their history, your linked survey answers), as JSON or CSV. Ask ${facts.contact ?? 'the administrators of this AI Census installation'}; a person in the privacy or admin role exports it for you, and the export is audited.`,
        ],
      },
    ],
  };
}
