// Services the commands call, loaded when a command runs rather than when the CLI starts:
// `--help` and commands that need no database must not pay for the whole module graph.
export const jobsService = () => import('../jobs/jobs.service').then((m) => m.JobsService);
export const repoReportService = () =>
  import('../signals/repos/repo-report.service').then((m) => m.RepoReportService);

/** Module slices for `withApp`: the commands that call one domain boot only that domain. */
export const catalogSlice = () =>
  import('../catalog/catalog.module').then((m) => [m.CatalogModule]);
export const noDomainSlice = () => Promise.resolve([]);
