import type { Signal, ToolDefinition } from './catalog.types';

/** The signals a tool's rules can produce; every tool can be named in a survey. */
export function toolSignals(tool: ToolDefinition): Signal[] {
  const r = tool.rules;
  const signals = new Set<Signal>(['survey']);
  if (r.domains?.length || r.userAgents?.length) signals.add('network');
  if (r.packages && Object.values(r.packages).some((names) => names && names.length > 0)) {
    signals.add('dependency');
  }
  if (r.paths?.length) signals.add('config-file');
  if (r.commitIdentities?.length || r.committerNameSuffixes?.length) signals.add('bot-author');
  if (r.commitIdentities?.length || r.messageMarkers?.length) signals.add('commit-trailer');
  if (r.ideExtensions?.length) signals.add('ide-extension');
  // the endpoint collector reports installed browser extensions by their store id
  if (r.browserExtensions?.length) signals.add('endpoint');
  if (r.githubApps?.length) signals.add('app-installation');
  if (r.workflowActions?.length) signals.add('workflow');
  if (tool.id === 'github-copilot') signals.add('copilot-seat');
  return [...signals];
}
