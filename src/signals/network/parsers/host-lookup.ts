import type { NetworkIdentity } from '../network.types';

/** Resolves a host given as bytes to a tool id (null: no tool). Implemented by HostMatchCache. */
export interface HostLookup {
  matchBytes(buf: Buffer, start: number, end: number): string | null;
}

/** What a byte-level scan of one line leaves behind; reused across lines to avoid allocation. */
export interface HotHit {
  time: number;
  toolId: string | null;
  identity: NetworkIdentity | undefined;
  sourceIp: string | undefined;
  bytesUp: number | undefined;
  bytesDown: number | undefined;
  blocked: boolean;
  reason: string;
  /**
   * Byte ranges of the host, the method and the URL path (query cut off) of a tool hit: strings
   * are built from them only for tools whose actions the catalog can tell apart.
   */
  hostStart: number;
  hostEnd: number;
  methodStart: number;
  methodEnd: number;
  pathStart: number;
  pathEnd: number;
}

export function emptyHotHit(): HotHit {
  return {
    time: 0,
    toolId: null,
    identity: undefined,
    sourceIp: undefined,
    bytesUp: undefined,
    bytesDown: undefined,
    blocked: false,
    reason: '',
    hostStart: 0,
    hostEnd: 0,
    methodStart: 0,
    methodEnd: 0,
    pathStart: 0,
    pathEnd: 0,
  };
}

export const enum ScanResult {
  /** no request on this line (blank) */
  Skip = 0,
  /** a valid request to a host that is no tool */
  NoTool = 1,
  /** a valid request to a tool; hit holds it */
  Tool = 2,
  /** hit.reason says why */
  Malformed = 3,
}
