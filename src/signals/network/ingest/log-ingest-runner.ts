// Drives the core over a byte stream: carries partial lines across chunks, bounds line length,
// and hands roll-up deltas plus the committed byte offset to a checkpoint callback.
import type { LogIngestCore } from './log-ingest-core';
import type { IngestProgressState, UsageRollup } from './usage-rollup';

export interface IngestCheckpoint {
  /** bytes of complete lines consumed, from the start of the (decompressed) file */
  offset: number;
  /** the line number of the last consumed line */
  line: number;
  rollups: UsageRollup[];
  state: IngestProgressState;
  final: boolean;
}

export interface IngestRunOptions {
  core: LogIngestCore;
  chunks: AsyncIterable<Buffer>;
  fromOffset?: number;
  /** commit roughly every N lines (at the end of the chunk that crosses N) */
  checkpointLines?: number;
  onCheckpoint?: (cp: IngestCheckpoint) => Promise<void>;
  /** bytes read so far, after each chunk */
  onProgress?: (bytesRead: number) => void | Promise<void>;
  maxLineBytes?: number;
}

export async function runIngest(
  options: IngestRunOptions,
): Promise<{ offset: number; line: number }> {
  const { core } = options;
  const every = options.checkpointLines ?? 100_000;
  const maxLine = options.maxLineBytes ?? 1 << 20;
  let offset = options.fromOffset ?? 0;
  let tail: Buffer | undefined;
  let skipping = false;
  let lastCheckpointLine = core.lineNumber;

  const checkpoint = async (final: boolean): Promise<void> => {
    lastCheckpointLine = core.lineNumber;
    if (!options.onCheckpoint) {
      core.drain();
      return;
    }
    await options.onCheckpoint({
      offset,
      line: core.lineNumber,
      rollups: core.drain(),
      state: core.state(),
      final,
    });
    // a worker's callback takes its scan, which counts lines from zero again
    lastCheckpointLine = core.lineNumber;
  };

  for await (const raw of options.chunks) {
    let chunk = raw;
    if (skipping) {
      // the rest of an oversized line: drop up to its newline
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        offset += chunk.length;
        continue;
      }
      offset += nl + 1;
      chunk = chunk.subarray(nl + 1);
      skipping = false;
    }
    let from = 0;
    if (tail) {
      // finish the carried-over line with the head of this chunk; the rest is read in place
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        tail = Buffer.concat([tail, chunk]);
      } else {
        const joined = Buffer.concat([tail, chunk.subarray(0, nl + 1)]);
        core.pushChunk(joined, 0, joined.length);
        offset += joined.length;
        tail = undefined;
        from = nl + 1;
      }
    }
    if (!tail) {
      const consumed = core.pushChunk(chunk, from, chunk.length);
      offset += consumed - from;
      tail = consumed < chunk.length ? chunk.subarray(consumed) : undefined;
    }
    if (tail && tail.length > maxLine) {
      core.pushOversizedLine(`line longer than ${maxLine} bytes`);
      offset += tail.length;
      tail = undefined;
      skipping = true;
    }
    if (!skipping && core.lineNumber - lastCheckpointLine >= every) await checkpoint(false);
    await options.onProgress?.(offset + (tail?.length ?? 0));
  }
  if (tail) {
    if (!skipping) core.pushLastLine(tail, 0, tail.length);
    offset += tail.length;
  }
  await checkpoint(true);
  return { offset, line: core.lineNumber };
}
