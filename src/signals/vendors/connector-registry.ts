import { DomainError, ErrorCode } from '../../common/domain-error';
import { CONNECTOR_IDS, type ConnectorId, type VendorConnector } from './connector.types';
import { amazonQConnector } from './connectors/amazon-q.connector';
import { anthropicConnector } from './connectors/anthropic.connector';
import { chatgptConnector } from './connectors/chatgpt.connector';
import { cursorConnector } from './connectors/cursor.connector';
import { entraConnector } from './connectors/entra.connector';
import { githubCopilotConnector } from './connectors/github-copilot.connector';
import { googleWorkspaceConnector } from './connectors/google-workspace.connector';
import { oktaConnector } from './connectors/okta.connector';
import { openaiConnector } from './connectors/openai.connector';

/** The connectors built so far; the other ids of CONNECTOR_IDS answer "not built yet". */
export const CONNECTORS: ReadonlyMap<ConnectorId, VendorConnector> = new Map(
  [
    githubCopilotConnector,
    cursorConnector,
    anthropicConnector,
    openaiConnector,
    chatgptConnector,
    amazonQConnector,
    googleWorkspaceConnector,
    entraConnector,
    oktaConnector,
  ].map((c) => [c.id, c]),
);

/** The credential a run from the environment uses (the CLI's, or the worker's when none is stored). */
export function credentialFromEnv(c: VendorConnector, env = process.env): string | undefined {
  if (c.credentialFromEnv) return c.credentialFromEnv(env) || undefined;
  return (c.credentialEnv && env[c.credentialEnv]) || undefined;
}

export function connectorOf(id: string): VendorConnector {
  const found = CONNECTORS.get(id as ConnectorId);
  if (found) return found;
  throw new DomainError(
    ErrorCode.NotFound,
    (CONNECTOR_IDS as readonly string[]).includes(id)
      ? `connector "${id}" is planned but not built yet; built: ${[...CONNECTORS.keys()].join(', ')}`
      : `no connector "${id}"; connectors: ${[...CONNECTORS.keys()].join(', ')}`,
  );
}
