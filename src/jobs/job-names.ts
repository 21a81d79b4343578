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
};

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}
