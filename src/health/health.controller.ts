import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator';
import { JobsService } from '../jobs/jobs.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly jobs: JobsService,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @Public()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database and the queue answer. */
  @Get('ready')
  @Public()
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const queue = this.indicators.check('queue');
        const transport = this.jobs.transportKind;
        return (await this.jobs.pingQueue()) ? queue.up({ transport }) : queue.down({ transport });
      },
    ]);
  }
}
