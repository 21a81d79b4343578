import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { metricsRegistry } from '../common/metrics';

@ApiTags('health')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  /**
   * Prometheus text format. Admins only on the API port: job names and route latencies describe
   * the deployment, not people, but still not for every role. METRICS_PORT serves it without a token.
   */
  @Get()
  @Roles(Role.Admin)
  @Header('Content-Type', metricsRegistry.contentType)
  @ApiProduces('text/plain')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
