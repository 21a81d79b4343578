// Which tool a host belongs to: the catalog's matcher, behind a token so tests and the
// benchmark can hand in another.
import type { ToolDefinition, ToolMatcher } from '../../catalog/catalog.types';
import type { ActionMatcher } from './ingest/log-ingest-core';

export const NETWORK_TOOL_MATCHER = Symbol('NETWORK_TOOL_MATCHER');

/** A host → tool matcher; with the catalog's action rules where a log's URL paths can use them. */
export type HostMatcher = Pick<ToolMatcher, 'matchHost'> &
  Partial<ActionMatcher> & {
    /** the tools the matcher knows, for ingest's worker threads to build their own; absent: no threads */
    tools?(): readonly ToolDefinition[];
  };
