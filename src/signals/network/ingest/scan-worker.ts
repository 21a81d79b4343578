// Worker thread entry for parallel ingest: builds the matcher once from the tool definitions it
// is given, then answers one RangeScan per RangeJob.
import { parentPort, workerData } from 'node:worker_threads';
import type { ToolDefinition } from '../../../catalog/catalog.types';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { HostMatchCache } from './host-match-cache';
import { scanRange, type RangeJob } from './range-scan';

const hosts = new HostMatchCache(
  CatalogMatcher.fromTools((workerData as { tools: ToolDefinition[] }).tools),
);

parentPort?.on('message', (job: RangeJob) => {
  scanRange(job, hosts).then(
    (scan) => parentPort?.postMessage({ scan }),
    (error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
