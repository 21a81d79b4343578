import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What this process exposes at /metrics (Prometheus text format). One registry per process:
 * the API, each worker and the CLI count their own work; queue depth is read from the shared
 * queue by whichever process is scraped.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'ai_census_' });

export const jobDurationSeconds = new Histogram({
  name: 'ai_census_job_duration_seconds',
  help: 'Time one try of a job took, by job name and outcome',
  labelNames: ['job', 'outcome'] as const,
  buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600],
  registers: [metricsRegistry],
});

export const ingestLinesTotal = new Counter({
  name: 'ai_census_ingest_lines_total',
  help: 'Log lines read by network ingests, by log format (rate() gives lines per second)',
  labelNames: ['format'] as const,
  registers: [metricsRegistry],
});

export const httpRequestSeconds = new Histogram({
  name: 'ai_census_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 10],
  registers: [metricsRegistry],
});

export type QueueState = 'waiting' | 'active' | 'delayed' | 'failed';
export interface QueueDepth {
  queue: string;
  state: QueueState;
  jobs: number;
}

let depthSource: (() => Promise<QueueDepth[]>) | undefined;

/** The jobs module says how to read the queues; until then the gauge is empty. */
export function setQueueDepthSource(source: () => Promise<QueueDepth[]>): void {
  depthSource = source;
}

new Gauge({
  name: 'ai_census_queue_jobs',
  help: 'Jobs per queue and state (waiting, active, delayed, failed), read when scraped',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const d of (await depthSource?.()) ?? [])
      this.set({ queue: d.queue, state: d.state }, d.jobs);
  },
});
