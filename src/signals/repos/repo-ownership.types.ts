/** What correlation and the reports know of a repository: its team and data classes. */
export interface RepositoryOwnership {
  /** as evidence names it */
  repository: string;
  /** the owning team's path, as the people module knows it */
  team: string | null;
  dataClasses: string[];
  /** AI guardrails its CI or hooks run (`check-repo`) */
  guardrails: string[];
}
