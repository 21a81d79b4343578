import { removeSpooled } from '../common/upload-spool';
import { isUnrecoverable } from './job-executor';
import type { JobContext } from './job.types';

/**
 * Runs a job's work over uploaded (spooled) files and removes them once no try will read them
 * again: after success, after bad input, after the last try. A try that will be retried keeps them.
 */
export async function consumeSpooled<T>(
  ctx: JobContext<unknown>,
  input: { paths: string[]; spoolDir: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    const result = await work();
    await removeSpooled(input.paths, input.spoolDir);
    return result;
  } catch (error) {
    if (ctx.lastAttempt || isUnrecoverable(error)) await removeSpooled(input.paths, input.spoolDir);
    throw error;
  }
}
