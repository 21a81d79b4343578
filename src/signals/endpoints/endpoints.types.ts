// The endpoint report as the collector posts it (schema version 1). collector/collector.js
// builds it; dto/endpoint-report.dto.ts validates it.

export const ENDPOINT_OSES = ['linux', 'darwin', 'win32'] as const;
export type EndpointOs = (typeof ENDPOINT_OSES)[number];

export const MCP_TRANSPORTS = ['stdio', 'http', 'sse'] as const;
export type McpTransport = (typeof MCP_TRANSPORTS)[number];

export interface EndpointIdeExtension {
  ide: string;
  id: string;
  version: string | null;
}

export interface EndpointMcpServer {
  client: string;
  name: string;
  transport: McpTransport;
  command: string | null;
  /** npm name, or `pypi:`/`docker:` and the name */
  package: string | null;
  version: string | null;
  /** a remote server's host only */
  host: string | null;
  envNames: string[];
  headerNames: string[];
}

export interface EndpointCliTool {
  name: string;
  package: string | null;
  version: string | null;
}

export interface EndpointRuntime {
  runtime: string;
  models: string[];
}

export interface EndpointBrowserExtension {
  browser: string;
  id: string;
  version: string | null;
}

export interface EndpointReport {
  schemaVersion: number;
  collectorVersion: string;
  device: { id: string; hostname: string; os: EndpointOs };
  /** the device owner: an e-mail or the OS user name */
  user: string;
  ideExtensions: EndpointIdeExtension[];
  mcpServers: EndpointMcpServer[];
  cliTools: EndpointCliTool[];
  runtimes: EndpointRuntime[];
  browserExtensions: EndpointBrowserExtension[];
}

export const INVENTORY_KINDS = [
  'ide-extension',
  'mcp-server',
  'cli-tool',
  'runtime',
  'browser-extension',
] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

/** One thing found on a device, with the catalog tool it stands for (null: inventory only). */
export interface InventoryItem {
  kind: InventoryKind;
  /** stable within the device and kind */
  key: string;
  label: string;
  toolId: string | null;
  detail: Record<string, unknown>;
}

/** A device as GET /api/endpoints lists it. */
export interface EndpointDeviceView {
  deviceId: string;
  hostname: string;
  os: string;
  user: string;
  collectorVersion: string;
  reports: number;
  firstReportAt: Date;
  lastReportAt: Date;
  tools: string[];
  items: InventoryItem[];
  mcpServers: EndpointMcpServer[];
}
