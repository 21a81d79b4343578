import { DomainError, ErrorCode } from '../../common/domain-error';
import { CONNECTOR_IDS, type ConnectorId, type VendorConnector } from './connector.types';
import { cursorConnector } from './connectors/cursor.connector';

/** The connectors built so far; the other ids of CONNECTOR_IDS answer "not built yet". */
export const CONNECTORS: ReadonlyMap<ConnectorId, VendorConnector> = new Map(
  [cursorConnector].map((c) => [c.id, c]),
);

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
