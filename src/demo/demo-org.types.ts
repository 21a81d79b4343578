import type { FactPlan } from '../catalog/facts/vendor-facts.types';
import type { DataClass, PolicyStatus } from '../catalog/catalog.types';
import type { DemoToolProfile } from './demo-profile';

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  githubLogin: string;
  commitEmail: string;
  proxyUser: string;
  ip: string;
  team: string;
  /** seen through the authenticated Squid proxy, or only by IP on the Zeek sensor */
  site: 'hq-proxy' | 'branch-zeek';
}

/** One person's use of one tool: the generator draws it, the logs and repositories follow it. */
export interface DemoUsage {
  person: DemoPerson;
  tool: DemoToolProfile & { toolId: string };
  activeDays: number[];
  requestsPerDay: number;
}

export interface DemoCommit {
  authorEmail: string;
  authorName: string;
  message: string;
  files: Record<string, string>;
  /** days before the demo's "now" */
  daysAgo: number;
}

export interface DemoRepository {
  name: string;
  team: string;
  dataClasses: DataClass[];
  topics: string[];
  commits: DemoCommit[];
}

export interface DemoPolicy {
  toolId: string;
  status: PolicyStatus;
  allowedDataClasses: DataClass[];
  tenantBound: boolean;
  plan?: FactPlan;
}

export interface DemoSurveyAnswer {
  email: string;
  submittedAt: string;
  tools: string[];
  dataClasses: string[];
  account: 'work' | 'personal' | 'both';
}

/** What the demo organisation really does: the report must agree with it. */
export interface DemoTruth {
  headcount: number;
  teams: { team: string; headcount: number }[];
  respondents: number;
  /** people seen using at least one AI tool by a system (network or commit) */
  observedUsers: number;
  /** observed people per tool id */
  toolPeople: Record<string, number>;
  /** respondents naming each tool id */
  selfReportedPeople: Record<string, number>;
  selfReportedUsers: number;
  /** observed (person, tool) pairs of respondents, disclosed or not */
  disclosedPairs: number;
  undisclosedPairs: number;
  /** Copilot network users without an organisation seat */
  personalAccountUsers: number;
  repositoriesWithAi: string[];
  repositoriesWithoutAi: string[];
  /** sanctioned tool traced in a repository classified beyond its allowed data classes */
  dataClassViolations: { repository: string; toolId: string }[];
  prohibitedToolIds: string[];
  toolsInUse: string[];
}

export interface DemoOrganisation {
  name: string;
  now: Date;
  people: DemoPerson[];
  repositories: DemoRepository[];
  copilotSeats: string[];
  /** who uses which tool on which days: the vendors' own records read from it */
  usage: DemoUsage[];
  policies: DemoPolicy[];
  squidLog: string;
  zeekSslLog: string;
  survey: { csv: string; answers: DemoSurveyAnswer[] };
  truth: DemoTruth;
}
