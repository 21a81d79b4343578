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
  setInputAt(at: number, length: number, from: number): void;
  seek(from: number): void;
  next(): SieveStep;
  fast(): number;
  consumed(): number;
  lineStart(): number;
  lineEnd(): number;
  hostStart(): number;
  hostEnd(): number;
  learn(): void;
  fieldCuts(max: number): number;
  tabsPtr(): number;
}

/** separators cutLine keeps (an Umbrella proxy line has 35 fields or a few more) */
const LINE_CUTS = 64;
/** the windows read up to 64 bytes past a line's end; the slack keeps them inside memory */
const SLACK = 128;
/** the size of each read buffer (readBuffers), as fileChunks reads */
const READ_BYTES = 1 << 20;
/**
 * room at the input for chunks copied in once read buffers exist (a line carried over between
 * reads joined to the next chunk's head); a longer chunk is left to the parsers
 */
const COPY_ROOM = 2 * READ_BYTES + SLACK;
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
  /** read buffers inside the module's memory: chunks read there need no copy */
  private reads: Buffer[] | undefined;
  private tabs: Uint32Array | undefined;
  /** chunks sieved where they were read (for tests) */
  loadsInPlace = 0;

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

  /**
   * Three buffers of 1 MiB inside the sieve's memory for fileChunks to read into: chunks read
   * there are sieved where they lie, without the copy load() makes. The memory never grows once
   * they exist (a grow would leave them behind), so larger chunks are then refused by load().
   */
  readBuffers(): Buffer[] {
    if (this.reads) return this.reads;
    const x = this.x;
    const at = (k: number): number => this.input + COPY_ROOM + k * (READ_BYTES + SLACK);
    const have = x.memory.buffer.byteLength;
    if (at(3) > have) x.memory.grow(Math.ceil((at(3) - have) / PAGE));
    const memory = x.memory.buffer;
    this.reads = [0, 1, 2].map((k) => Buffer.from(memory, at(k), READ_BYTES));
    return this.reads;
  }

  /**
   * Makes buf[start, end) the input, in place when buf is one of the read buffers, else copied
   * in; positions the sieve reports are relative to `start`. false: too long to take (the
   * caller reads it without the sieve).
   */
  load(buf: Buffer, start: number, end: number): boolean {
    const x = this.x;
    if (this.reads && buf.buffer === x.memory.buffer) {
      x.setInputAt(buf.byteOffset + start, end - start, 0);
      this.loadsInPlace++;
      return true;
    }
    if (this.reads && end - start + SLACK > COPY_ROOM) return false;
    const need = this.input + (end - start) + SLACK;
    const have = x.memory.buffer.byteLength;
    if (need > have) x.memory.grow(Math.ceil((need - have) / PAGE));
    new Uint8Array(x.memory.buffer, this.input, end - start + SLACK).set(buf.subarray(start, end));
    x.setInput(end - start, 0);
    return true;
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

  /**
   * The separators of the line next() last reported, for a tool hit's reader: how many there are
   * in all (the first LINE_CUTS of them in `cuts`, relative as lineStart), or -1 where the format
   * has none to give.
   */
  cutLine(): number {
    return this.x.fieldCuts(LINE_CUTS);
  }

  /** where cutLine leaves the separators (a fresh view after the memory grew) */
  get cuts(): Uint32Array {
    const memory = this.x.memory.buffer;
    if (this.tabs?.buffer !== memory)
      this.tabs = new Uint32Array(memory, this.x.tabsPtr(), LINE_CUTS);
    return this.tabs;
  }

  /** The host of the last HostMiss is no tool: lines naming it are settled from now on. */
  learn(): void {
    this.x.learn();
  }
}
