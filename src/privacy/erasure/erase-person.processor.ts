import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import {
  PersonErasureService,
  type ErasePersonData,
  type ErasureResult,
} from './person-erasure.service';

/** An erasure as a job: progress per module, audited as whoever asked for it. */
@JobHandler(JobName.ErasePerson)
export class ErasePersonProcessor implements JobProcessor<ErasePersonData, ErasureResult> {
  constructor(private readonly erasure: PersonErasureService) {}

  handle(ctx: JobContext<ErasePersonData>): Promise<ErasureResult> {
    return this.erasure.erase(ctx.data, ctx.actor, ctx.progress);
  }
}
