import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_HANDLER_KEY } from './job-handler.decorator';
import { JOB_PREPARER_KEY, type JobPreparer } from './job-preparer.decorator';
import { JobName } from './job-names';
import type { JobProcessor } from './job.types';

/** Finds every @JobHandler at boot and refuses to start when a job name has no processor or two. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly processors = new Map<JobName, JobProcessor>();
  private readonly found: JobPreparer[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      if (Reflect.getMetadata(JOB_PREPARER_KEY, metatype)) this.found.push(instance as JobPreparer);
      const name = Reflect.getMetadata(JOB_HANDLER_KEY, metatype) as JobName | undefined;
      if (!name) continue;
      if (typeof (instance as JobProcessor).handle !== 'function') {
        throw new Error(`Job processor ${metatype.name} for ${name} has no handle() method`);
      }
      found.set(name, [...(found.get(name) ?? []), metatype.name]);
      this.processors.set(name, instance as JobProcessor);
    }
    const problems = checkJobProcessors(Object.values(JobName), found);
    if (problems.length > 0)
      throw new Error(`Job registration is inconsistent: ${problems.join('; ')}`);
  }

  /** what must be brought up to date before any job runs */
  preparers(): readonly JobPreparer[] {
    return this.found;
  }

  get(name: JobName): JobProcessor {
    const processor = this.processors.get(name);
    if (!processor) throw new Error(`No processor for job ${name}`);
    return processor;
  }
}

export function checkJobProcessors(
  names: readonly string[],
  found: ReadonlyMap<string, string[]>,
): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const owners = found.get(name) ?? [];
    if (owners.length === 0) problems.push(`job ${name} has no processor`);
    if (owners.length > 1)
      problems.push(`job ${name} has ${owners.length} processors (${owners.join(', ')})`);
  }
  for (const name of found.keys()) {
    if (!names.includes(name)) problems.push(`processor for unknown job ${name}`);
  }
  return problems;
}
