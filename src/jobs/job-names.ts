export enum QueueName {
  System = 'system',
  Scan = 'scan',
  Ingest = 'ingest',
  Survey = 'survey',
  Correlate = 'correlate',
  Report = 'report',
}

export enum JobName {
  Diagnostics = 'system.diagnostics',
  ScanRepo = 'repos.scan-repo',
  ScanGithub = 'repos.scan-github',
  IngestLogs = 'network.ingest-logs',
  Correlate = 'findings.correlate',
  Report = 'reports.build',
  SendSurveyMail = 'surveys.send-mail',
  ImportDirectory = 'people.import-directory',
  ErasePerson = 'privacy.erase-person',
  ImportSurveyExport = 'surveys.import-export',
  SendOutreachMail = 'guardrails.send-mail',
  VendorSync = 'vendors.sync',
  Purge = 'privacy.purge',
  MaintainPartitions = 'system.maintain-partitions',
}

/** Which queue runs each job. Adding a JobName without a queue here is a compile error. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Diagnostics]: QueueName.System,
  [JobName.ScanRepo]: QueueName.Scan,
  [JobName.ScanGithub]: QueueName.Scan,
  [JobName.IngestLogs]: QueueName.Ingest,
  [JobName.Correlate]: QueueName.Correlate,
  [JobName.Report]: QueueName.Report,
  [JobName.SendSurveyMail]: QueueName.Survey,
  [JobName.ImportDirectory]: QueueName.Ingest,
  [JobName.ErasePerson]: QueueName.System,
  [JobName.ImportSurveyExport]: QueueName.Survey,
  [JobName.SendOutreachMail]: QueueName.Survey,
  [JobName.VendorSync]: QueueName.Ingest,
  [JobName.Purge]: QueueName.System,
  [JobName.MaintainPartitions]: QueueName.System,
};

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}

/**
 * Whether a job's result can name people (commit e-mails, logins, log user names, mail
 * recipients): such results are left out of job lists, and reading one is audited. A new
 * JobName without an entry here is a compile error, so each job is decided on.
 */
export const PERSON_LEVEL_RESULT: Record<JobName, boolean> = {
  [JobName.Diagnostics]: false,
  [JobName.ScanRepo]: true,
  [JobName.ScanGithub]: true,
  [JobName.IngestLogs]: true,
  [JobName.Correlate]: false,
  [JobName.Report]: false,
  [JobName.SendSurveyMail]: true,
  // its errors quote the rows they refuse: e-mail addresses of the directory
  [JobName.ImportDirectory]: true,
  // an erasure id and counts only: the person is named nowhere in it
  [JobName.ErasePerson]: false,
  // its warnings quote the cells they could not read, which can hold respondents' e-mails
  [JobName.ImportSurveyExport]: true,
  // mail recipients and their failures
  [JobName.SendOutreachMail]: true,
  // counts per signal and tool only
  [JobName.VendorSync]: false,
  // counts per data kind and partition names
  [JobName.Purge]: false,
  [JobName.MaintainPartitions]: false,
};
