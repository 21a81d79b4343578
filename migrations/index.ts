import { Spine1764000000000 } from './1764000000000-Spine';
import { Catalog1764100000000 } from './1764100000000-Catalog';
import { PeopleSurveys1764200000000 } from './1764200000000-PeopleSurveys';
import { RepoScanning1764300000000 } from './1764300000000-RepoScanning';
import { NetworkUsage1764400000000 } from './1764400000000-NetworkUsage';
import { CreateFindings1764500000000 } from './1764500000000-CreateFindings';
import { CreateReportSnapshots1764500000001 } from './1764500000001-CreateReportSnapshots';
import { RepositoryOwnership1765100000000 } from './1765100000000-RepositoryOwnership';
import { JobActor1765300000000 } from './1765300000000-JobActor';
import { IpLeaseKey1765400000000 } from './1765400000000-IpLeaseKey';
import { NetworkUsagePerson1765400000001 } from './1765400000001-NetworkUsagePerson';
import { TokenExpiry1765600000000 } from './1765600000000-TokenExpiry';
import { FindingStrength1765700000000 } from './1765700000000-FindingStrength';
import { RederiveGitignoreEvidence1765700000001 } from './1765700000001-RederiveGitignoreEvidence';
import { SurveyToolConfidence1765800000000 } from './1765800000000-SurveyToolConfidence';
import { PrivacyAndCollectorRoles1766000000000 } from './1766000000000-PrivacyAndCollectorRoles';
import { PrivacyNoticeVersions1766100000000 } from './1766100000000-PrivacyNoticeVersions';
import { PersonErasure1766200000000 } from './1766200000000-PersonErasure';
import { FindingReveal1766200000001 } from './1766200000001-FindingReveal';
import { ToolPolicyStewardship1766300000000 } from './1766300000000-ToolPolicyStewardship';
import { GuardrailsOutreach1766400000000 } from './1766400000000-GuardrailsOutreach';
import { RepositoryGuardrails1766500000000 } from './1766500000000-RepositoryGuardrails';
import { McpServers1766600000000 } from './1766600000000-McpServers';
import { EndpointDevices1766700000000 } from './1766700000000-EndpointDevices';
import { ConsoleSessions1766800000000 } from './1766800000000-ConsoleSessions';
import { VendorConnectors1766950000000 } from './1766950000000-VendorConnectors';
import { SurveyQuestionKinds1767100000000 } from './1767100000000-SurveyQuestionKinds';
import { SurveyWaves1767200000000 } from './1767200000000-SurveyWaves';
import { VendorFactsPolicyPlan1767300000000 } from './1767300000000-VendorFactsPolicyPlan';
import { PartitionByMonth1767400000000 } from './1767400000000-PartitionByMonth';
import { PerActionPolicy1767500000000 } from './1767500000000-PerActionPolicy';
import { IncrementalCorrelation1767650000000 } from './1767650000000-IncrementalCorrelation';
import { CopilotOrgMetrics1767700000000 } from './1767700000000-CopilotOrgMetrics';
import { SurveyResponseTeam1767730000000 } from './1767730000000-SurveyResponseTeam';
import { FindingListSpeed1767760000000 } from './1767760000000-FindingListSpeed';
import { SurveyTexts1767770000000 } from './1767770000000-SurveyTexts';
import { SurveyClosedAt1767780000000 } from './1767780000000-SurveyClosedAt';

// Every migration, oldest first. Each module's migrations use their own timestamp range.
export const ALL_MIGRATIONS = [
  Spine1764000000000,
  Catalog1764100000000,
  PeopleSurveys1764200000000,
  RepoScanning1764300000000,
  NetworkUsage1764400000000,
  CreateFindings1764500000000,
  CreateReportSnapshots1764500000001,
  RepositoryOwnership1765100000000,
  JobActor1765300000000,
  IpLeaseKey1765400000000,
  NetworkUsagePerson1765400000001,
  TokenExpiry1765600000000,
  FindingStrength1765700000000,
  RederiveGitignoreEvidence1765700000001,
  SurveyToolConfidence1765800000000,
  PrivacyAndCollectorRoles1766000000000,
  PrivacyNoticeVersions1766100000000,
  PersonErasure1766200000000,
  FindingReveal1766200000001,
  ToolPolicyStewardship1766300000000,
  GuardrailsOutreach1766400000000,
  RepositoryGuardrails1766500000000,
  McpServers1766600000000,
  EndpointDevices1766700000000,
  ConsoleSessions1766800000000,
  VendorConnectors1766950000000,
  SurveyQuestionKinds1767100000000,
  SurveyWaves1767200000000,
  VendorFactsPolicyPlan1767300000000,
  PartitionByMonth1767400000000,
  PerActionPolicy1767500000000,
  IncrementalCorrelation1767650000000,
  CopilotOrgMetrics1767700000000,
  SurveyResponseTeam1767730000000,
  FindingListSpeed1767760000000,
  SurveyTexts1767770000000,
  SurveyClosedAt1767780000000,
];
