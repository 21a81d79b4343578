// The TypeScript side of the WebAssembly line sieve (source: wasm/line-sieve.ts). The sieve settles
// the common line (well formed, host known to be no tool) with SIMD and hands every other line back
// to the TypeScript parsers, which stay the only judges of malformed lines and tool hits. It learns
// a host only after the catalog matcher has said it is no tool.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SieveShape } from '../network.types';

const FORMAT_CODE = { squid: 1, zeek: 2, zscaler: 3, umbrella: 4 } as const;

export const enum SieveStep {
  /** no complete line left: `consumed` is where the unread tail starts */
  End = 0,
  /** the line is the parser's to read */
  Unsure = 1,
  /** a well-formed line whose host the sieve has not learnt: ask the matcher, then learn() */
  HostMiss = 2,
}

interface SieveExports {
  memory: WebAssembly.Memory;
  configure(...args: number[]): void;
  confPtr(): number;
  inputPtr(): number;
  setInput(length: number, from: number): void;
  seek(from: number): void;
  next(): SieveStep;
  fast(): number;
  consumed(): number;
  lineStart(): number;
  lineEnd(): number;
  hostStart(): number;
  hostEnd(): number;
  learn(): void;
}

/** the windows read up to 64 bytes past a line's end; the slack keeps them inside memory */
const SLACK = 128;
const PAGE = 65_536;
/** the longest conf string the module has room for (Zeek markers, Zscaler's first field) */
const CONF_BYTES = 255;

let compiled: WebAssembly.Module | undefined;

function wasmModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(readFileSync(join(__dirname, 'line-sieve.wasm')));
  return compiled;
}

export class LineSieve {
  private readonly x: SieveExports;
  private readonly input: number;
  private shape: SieveShape | undefined;

  constructor() {
    const instance = new WebAssembly.Instance(wasmModule(), {
      env: {
        abort: () => {
          throw new Error('line sieve aborted');
        },
      },
    });
    this.x = instance.exports as unknown as SieveExports;
    this.input = this.x.inputPtr();
  }

  /** Sets the columns lines are read by; false when the shape cannot be sieved. */
  configure(shape: SieveShape | undefined): boolean {
    if (shape === this.shape) return shape !== undefined;
    this.shape = shape;
    if (!shape) return false;
    const x = this.x;
    const conf = new Uint8Array(x.memory.buffer, x.confPtr(), 768);
    const put = (at: number, b: Buffer): number => {
      conf.set(b.subarray(0, CONF_BYTES), at);
      return Math.min(b.length, CONF_BYTES);
    };
    switch (shape.kind) {
      case 'squid':
      case 'umbrella':
        x.configure(FORMAT_CODE[shape.kind], 0, 0, -1, -1, -1, -1, 0, 0, 0);
        return true;
      case 'zeek':
        if (shape.unset.length > CONF_BYTES || shape.empty.length > CONF_BYTES) return false;
        x.configure(
          FORMAT_CODE.zeek,
          shape.separator,
          shape.count,
          shape.ts,
          shape.host,
          -1,
          -1,
          put(0, shape.unset),
          put(256, shape.empty),
          0,
        );
        return true;
      case 'zscaler':
        if (shape.host < 0 || shape.count > 256 || shape.first.length > CONF_BYTES) return false;
        x.configure(
          FORMAT_CODE.zscaler,
          9,
          shape.count,
          -1,
          shape.host,
          shape.epoch,
          shape.time,
          0,
          0,
          put(512, shape.first),
        );
        return true;
    }
  }

  /** Copies buf[start, end) in; positions the sieve reports are relative to `start`. */
  load(buf: Buffer, start: number, end: number): void {
    const x = this.x;
    const need = this.input + (end - start) + SLACK;
    const have = x.memory.buffer.byteLength;
    if (need > have) x.memory.grow(Math.ceil((need - have) / PAGE));
    new Uint8Array(x.memory.buffer, this.input, end - start + SLACK).set(buf.subarray(start, end));
    x.setInput(end - start, 0);
  }

  seek(relative: number): void {
    this.x.seek(relative);
  }

  next(): SieveStep {
    return this.x.next();
  }

  /** lines settled by the last next() before the line it stopped at */
  get fast(): number {
    return this.x.fast();
  }
  get consumed(): number {
    return this.x.consumed();
  }
  get lineStart(): number {
    return this.x.lineStart();
  }
  get lineEnd(): number {
    return this.x.lineEnd();
  }
  get hostStart(): number {
    return this.x.hostStart();
  }
  get hostEnd(): number {
    return this.x.hostEnd();
  }

  /** The host of the last HostMiss is no tool: lines naming it are settled from now on. */
  learn(): void {
    this.x.learn();
  }
}
