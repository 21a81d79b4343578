import { Injectable } from '@nestjs/common';
import { InMemoryCorrelationSources } from './correlation-sources';

/**
 * Binds correlation to the catalog, people, surveys and repository modules. Until those are
 * installed it holds what it is given (the demo and the benchmark load it directly).
 */
@Injectable()
export class CorrelationSourcesAdapter extends InMemoryCorrelationSources {}
