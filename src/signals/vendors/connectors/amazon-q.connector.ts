import { DomainError, ErrorCode } from '../../../common/domain-error';
import type { ExportImport, RowError, VendorConnector, VendorUsageDay } from '../connector.types';
import { type CsvLayout, csvHeaderFits, readCsvExport, RowReader } from './export-file';

// Amazon Q Developer has no API for per-user activity: with user activity reports enabled it
// writes one CSV a day to the organisation's S3 bucket
// (…/QDeveloperLogs/by_user_analytic/{region}/{yyyy}/{mm}/{dd}/00/{account}_by_user_analytic_{ts}.csv,
// split into part_N files past 1,000 users), one row per user who used it that day, columns as in
// https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/user-activity-metrics.html. The newer
// user_report layout (Date, UserId, Client_Type, Chat_Conversations, Credits_Used …) is read too.
// UserId is the IAM Identity Center user: an e-mail where the directory uses e-mails as user
// names, else a user name the people directory knows as a `username` identity.

const TOOL = 'amazon-q-developer';

const ACTIVITY: CsvLayout = {
  format: 'Amazon Q Developer user activity report (by_user_analytic CSV)',
  required: ['UserId', 'Date'],
  columns: [
    'UserId',
    'Date',
    'Chat_AICodeLines',
    'Chat_MessagesInteracted',
    'Chat_MessagesSent',
    'CodeFix_AcceptanceEventCount',
    'CodeFix_AcceptedLines',
    'CodeFix_GeneratedLines',
    'CodeFix_GenerationEventCount',
    'CodeReview_FailedEventCount',
    'CodeReview_FindingsCount',
    'CodeReview_SucceededEventCount',
    'Dev_AcceptanceEventCount',
    'Dev_AcceptedLines',
    'Dev_GeneratedLines',
    'Dev_GenerationEventCount',
    'DocGeneration_AcceptedFileUpdates',
    'DocGeneration_AcceptedFilesCreations',
    'DocGeneration_AcceptedLineAdditions',
    'DocGeneration_AcceptedLineUpdates',
    'DocGeneration_EventCount',
    'DocGeneration_RejectedFileCreations',
    'DocGeneration_RejectedFileUpdates',
    'DocGeneration_RejectedLineAdditions',
    'DocGeneration_RejectedLineUpdates',
    'InlineChat_AcceptanceEventCount',
    'InlineChat_AcceptedLineAdditions',
    'InlineChat_AcceptedLineDeletions',
    'InlineChat_DismissalEventCount',
    'InlineChat_DismissedLineAdditions',
    'InlineChat_DismissedLineDeletions',
    'InlineChat_EventCount',
    'InlineChat_RejectedLineAdditions',
    'InlineChat_RejectedLineDeletions',
    'InlineChat_RejectionEventCount',
    'InlineChat_TotalEventCount',
    'Inline_AICodeLines',
    'Inline_AcceptanceCount',
    'Inline_SuggestionsCount',
    'TestGeneration_AcceptedLines',
    'TestGeneration_AcceptedTests',
    'TestGeneration_EventCount',
    'TestGeneration_GeneratedLines',
    'TestGeneration_GeneratedTests',
    'Transformation_EventCount',
    'Transformation_LinesGenerated',
    'Transformation_LinesIngested',
  ],
};

const USER_REPORT: CsvLayout = {
  format: 'Amazon Q Developer user report (user_report CSV)',
  required: ['Date', 'UserId', 'Total_Messages'],
  columns: [
    'Date',
    'UserId',
    'Client_Type',
    'Chat_Conversations',
    'Credits_Used',
    'Overage_Cap',
    'Overage_Credits_Used',
    'Overage_Enabled',
    'ProfileId',
    'Subscription_Tier',
    'Total_Messages',
  ],
};

/** The metrics that count one request of the user to Amazon Q each. */
const REQUESTS = [
  'Chat_MessagesSent',
  'Inline_AcceptanceCount',
  'InlineChat_TotalEventCount',
  'InlineChat_EventCount',
  'Dev_GenerationEventCount',
  'TestGeneration_EventCount',
  'DocGeneration_EventCount',
  'Transformation_EventCount',
  'CodeFix_GenerationEventCount',
];

function exportOnly(): never {
  throw new DomainError(
    ErrorCode.InvalidInput,
    'amazon-q: Amazon Q Developer offers no activity API; import its user activity report with --file',
  );
}

export const amazonQConnector: VendorConnector = {
  id: 'amazon-q',
  name: 'Amazon Q Developer (user activity reports)',
  credentialEnv: '',
  defaultApiUrl: '',
  signals: ['vendor-usage'],
  authorization: () => ({}),
  exportFormats: 'the daily user activity report CSV (by_user_analytic, or user_report) from S3',
  testConnection: () => Promise.resolve(exportOnly()),
  // eslint-disable-next-line require-yield
  async *sync() {
    exportOnly();
  },
  importFile: (text) => importAmazonQReport(text),
};

/** One row per user and day; a bad row is named by line and column, the good rows are kept. */
export function importAmazonQReport(text: string): ExportImport {
  const layout = csvHeaderFits(text, USER_REPORT) ? USER_REPORT : ACTIVITY;
  const rows = readCsvExport(text, layout);
  const rejected: RowError[] = [];
  const usage: VendorUsageDay[] = [];
  for (const { line, value } of rows) {
    const r = new RowReader(line, rejected);
    const user = r.text('UserId', value.UserId);
    const day = r.day('Date', value.Date);
    const figures = Object.fromEntries(
      layout.columns
        .filter((c) => c !== 'UserId' && c !== 'Date' && value[c] !== undefined)
        .filter((c) =>
          /Count|Lines|Messages|Sent|Conversations|Tests|Updates|Creations|Additions|Deletions/.test(
            c,
          ),
        )
        .map((c) => [c, r.count(c, value[c])]),
    );
    if (!r.ok || !user || !day) continue;
    const requests =
      layout === USER_REPORT
        ? (figures.Total_Messages ?? 0)
        : REQUESTS.reduce((sum, c) => sum + (figures[c] ?? 0), 0);
    const email = user.includes('@');
    usage.push({
      toolId: TOOL,
      email: user.toLowerCase(),
      identityKind: email ? 'email' : 'username',
      day,
      // a row is a user who used Amazon Q that day, even when no counted metric moved
      count: Math.max(1, requests),
      detail: {
        counts:
          layout === USER_REPORT
            ? 'messages'
            : 'chat messages, accepted suggestions and agent runs',
        ...pick(figures, [
          'Chat_MessagesSent',
          'Inline_SuggestionsCount',
          'Inline_AcceptanceCount',
          'Inline_AICodeLines',
          'Chat_AICodeLines',
          'Chat_Conversations',
        ]),
        ...(value.Client_Type ? { client: value.Client_Type } : {}),
      },
    });
  }
  return { format: layout.format, rows: rows.length, batch: { usage }, rejected };
}

function pick(o: Record<string, number>, keys: string[]): Record<string, number> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
