// Which tool a host belongs to: the catalog's matcher, behind a token so tests and the
// benchmark can hand in another.
import type { ToolMatcher } from '../../catalog/catalog.types';

export const NETWORK_TOOL_MATCHER = Symbol('NETWORK_TOOL_MATCHER');

export type HostMatcher = Pick<ToolMatcher, 'matchHost'>;
