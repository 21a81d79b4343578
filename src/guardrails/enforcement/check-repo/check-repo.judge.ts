import type { DataClass, PolicyStatus } from '../../../catalog/catalog.types';
import type { ToolPolicy } from '../../../catalog/policy-yaml';
import { CLAIM_THRESHOLD } from '../../../evidence/confidence';
import { evaluateSanction } from '../../../findings/sanction/sanction';
import { describeTrace } from '../../../signals/repos/output/sarif.renderer';
import { claimsAndLeads, toolsOf } from '../../../signals/repos/output/scan-report';
import type { RepoTrace } from '../../../signals/repos/repo-scan.types';

export type CheckVerdict = 'prohibited' | 'data-class';

/** One trace of a judged tool, with whether it fails the check on its own. */
export interface CheckedTrace {
  signal: string;
  path: string;
  line: number;
  confidence: number;
  /** what was found, in a few words (dependency openai@4.0.0, workflow uses …) */
  what: string;
  /** committed in the tree at a confidence that makes it the project's own (see README) */
  blocking: boolean;
}

export interface CheckedTool {
  toolId: string;
  toolName: string;
  policyStatus: PolicyStatus;
  verdict: CheckVerdict;
  reason: string;
  traces: CheckedTrace[];
}

export interface CheckOutcome {
  passed: boolean;
  /** tools that fail the check: prohibited, or outside their allowed data classes */
  violations: CheckedTool[];
  /** claimed tools the policy lets through, with their status */
  allowed: { toolId: string; policyStatus: PolicyStatus }[];
}

/**
 * Judges what a repository's tree shows against policy. Only claims count (a tool whose
 * evidence is only weak is a lead, never judged). A claimed tool fails the check when it is
 * prohibited, or sanctioned/tolerated for fewer data classes than the repository declares (the
 * same rule as a finding's violation), and at least one of its traces is blocking: a file in
 * the tree (dependency, config file, workflow, extension recommendation, or any other signal a
 * detector reports with a path) at claim confidence. Traces under tests, fixtures, examples or
 * vendored code stay below that and are reported as warnings only.
 */
export function judgeRepository(
  traces: readonly RepoTrace[],
  policies: ReadonlyMap<string, ToolPolicy>,
  dataClasses: readonly DataClass[],
  toolName: (toolId: string) => string,
): CheckOutcome {
  const inTree = traces.filter(
    (t) => t.path !== undefined && !t.commit && !t.detail.gitignoreEntry,
  );
  const { tools: claimed } = claimsAndLeads(toolsOf([...traces]));
  const violations: CheckedTool[] = [];
  const allowed: CheckOutcome['allowed'] = [];
  for (const tool of claimed) {
    const policy = policies.get(tool.toolId);
    const status = policy?.status ?? 'unreviewed';
    const sanction = evaluateSanction({
      policy: policy && {
        status: policy.status,
        allowedDataClasses: policy.dataClasses,
        tenantBound: policy.tenantBound,
      },
      dataClasses: [...dataClasses],
    });
    const verdict: CheckVerdict | undefined =
      sanction.status === 'prohibited'
        ? 'prohibited'
        : sanction.dataClassViolations.length > 0
          ? 'data-class'
          : undefined;
    const checked = inTree
      .filter((t) => t.toolId === tool.toolId)
      .map((t): CheckedTrace => ({
        signal: t.signal,
        path: t.path!,
        line: t.line ?? 1,
        confidence: t.confidence,
        what: describeTrace(t.signal, t.detail),
        blocking: t.confidence >= CLAIM_THRESHOLD,
      }));
    if (!verdict || !checked.some((t) => t.blocking)) {
      allowed.push({ toolId: tool.toolId, policyStatus: status });
      continue;
    }
    violations.push({
      toolId: tool.toolId,
      toolName: toolName(tool.toolId),
      policyStatus: status,
      verdict,
      reason:
        verdict === 'prohibited'
          ? `${toolName(tool.toolId)} is prohibited by the AI tool policy${policy?.note ? ` (${policy.note})` : ''}`
          : `${toolName(tool.toolId)} is ${status} only for ${policy!.dataClasses.join(', ')} data; this repository holds ${sanction.dataClassViolations.join(', ')} data`,
      traces: checked,
    });
  }
  return { passed: violations.length === 0, violations, allowed };
}

const RULES: Record<CheckVerdict, { name: string; text: string; help: string }> = {
  prohibited: {
    name: 'ProhibitedAiTool',
    text: 'AI tool prohibited by the organisation policy',
    help: 'Remove the dependency, configuration file or workflow step, or ask the AI CoE to review the tool.',
  },
  'data-class': {
    name: 'AiToolOutsideDataClasses',
    text: "AI tool not allowed for this repository's data classes",
    help: 'Use a tool allowed for the data this repository holds, or ask the AI CoE to extend the policy.',
  },
};

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) of the check,
 * as GitHub code scanning reads it: one rule per verdict, one result per trace, `error` for a
 * blocking trace and `warning` for one under tests or examples.
 */
export function checkToSarif(repository: string, outcome: CheckOutcome, version: string): object {
  const ruleIds = Object.keys(RULES) as CheckVerdict[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-census',
            semanticVersion: version,
            informationUri: 'https://github.com/',
            rules: ruleIds.map((id) => ({
              id: `ai-census/${id}`,
              name: RULES[id].name,
              shortDescription: { text: RULES[id].text },
              help: { text: RULES[id].help },
              defaultConfiguration: { level: 'error' },
              properties: { tags: ['ai-census', 'ai-policy'] },
            })),
          },
        },
        automationDetails: { id: `ai-census/check-repo/${repository}/` },
        results: outcome.violations.flatMap((v) =>
          v.traces.map((t) => ({
            ruleId: `ai-census/${v.verdict}`,
            ruleIndex: ruleIds.indexOf(v.verdict),
            level: t.blocking ? 'error' : 'warning',
            message: {
              text: `${v.reason}: ${t.what}${t.blocking ? '' : ` (confidence ${t.confidence}: not failing on its own)`}`,
            },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: t.path, uriBaseId: '%SRCROOT%' },
                  region: { startLine: Math.max(1, t.line) },
                },
              },
            ],
            partialFingerprints: {
              'aiCensusCheck/v1': `${v.toolId}|${v.verdict}|${t.signal}|${t.path}`,
            },
            properties: { toolId: v.toolId, signal: t.signal, policyStatus: v.policyStatus },
          })),
        ),
      },
    ],
  };
}

/** The text a person reads in a terminal or a CI log. */
export function renderCheckText(repository: string, outcome: CheckOutcome): string {
  if (outcome.passed)
    return `${repository}: passed (${outcome.allowed.length} AI tool(s) in use, none prohibited or outside its data classes)`;
  const lines = [`${repository}: FAILED`];
  for (const v of outcome.violations) {
    lines.push(`  ${v.reason}`);
    for (const t of v.traces)
      lines.push(
        `    ${t.blocking ? 'error  ' : 'warning'} ${t.path}:${t.line} ${t.what}${t.blocking ? '' : ' (under tests/examples: not failing alone)'}`,
      );
  }
  return lines.join('\n');
}
