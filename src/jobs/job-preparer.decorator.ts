import { applyDecorators, SetMetadata } from '@nestjs/common';

export const JOB_PREPARER_KEY = 'aic:job-preparer';

/**
 * A provider whose state another process can change (the catalog's custom tools) brings itself
 * up to date before each job, so a long-lived worker never runs on what it read at boot.
 */
export interface JobPreparer {
  beforeJob(): Promise<void>;
}

/** Marks a provider as a JobPreparer; the registry finds it and the executor calls it. */
export const PreparesJobs = () => applyDecorators(SetMetadata(JOB_PREPARER_KEY, true));
