import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { JobName } from './job-names';

export const JOB_HANDLER_KEY = 'aic:job-handler';

/** Marks a provider as the processor of one job name; it must implement JobProcessor. */
export const JobHandler = (name: JobName) =>
  applyDecorators(Injectable(), SetMetadata(JOB_HANDLER_KEY, name));
