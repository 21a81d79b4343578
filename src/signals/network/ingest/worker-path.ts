// The worker thread script of network ingest. Under ts-jest the sources run as .ts, which a worker
// thread cannot load: tests then use the build in dist/ (`npm run build` first).
import { join, resolve } from 'node:path';

export const SCAN_WORKER = __filename.endsWith('.ts')
  ? resolve(__dirname, '../../../../dist/src/signals/network/ingest/scan-worker.js')
  : join(__dirname, 'scan-worker.js');
