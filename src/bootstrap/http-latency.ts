import type { NextFunction, Request, Response } from 'express';
import { httpRequestSeconds } from '../common/metrics';

/**
 * Times every request by its route pattern (`/api/jobs/:id`), never its path: ids in paths would
 * make one series per job and could name people. Unmatched paths share one label.
 */
export function observeLatency(req: Request, res: Response, next: NextFunction): void {
  const end = httpRequestSeconds.startTimer();
  res.once('finish', () => {
    const pattern = (req.route as { path?: string } | undefined)?.path;
    const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}
