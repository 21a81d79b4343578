import type { JobCounts, ProgressCallback } from './job.types';

/**
 * Writes a job's progress without making the job wait for it. A job may hold a transaction —
 * on the embedded default the pool's only connection — while it reports progress; a write that
 * the job awaited would then wait for the connection the job itself holds, for ever. Here the
 * newest value is kept, at most one write is in flight, and `flush` awaits the last one.
 */
export class ProgressWriter {
  private pending?: { percent: number; counts: JobCounts };
  private inFlight?: Promise<void>;

  constructor(
    private readonly write: ProgressCallback,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(percent: number, counts: JobCounts): void {
    this.pending = { percent, counts };
    this.inFlight ??= this.drain();
  }

  /** Resolves once every pushed value has been written (or has failed to be). */
  async flush(): Promise<void> {
    await this.inFlight;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const { percent, counts } = this.pending;
      this.pending = undefined;
      try {
        await this.write(percent, counts);
      } catch (error) {
        this.onError(error);
      }
    }
    this.inFlight = undefined;
  }
}
