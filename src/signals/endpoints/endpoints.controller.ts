import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Public, Roles } from '../../auth/roles.decorator';
import { EndpointDevicesQueryDto, EndpointReportDto } from './dto/endpoint-report.dto';
import { EndpointsService } from './endpoints.service';

@ApiTags('endpoints')
@ApiBearerAuth()
@Controller('api/endpoints')
export class EndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  /** The collector itself: public, since it holds no secret and a person should read it first. */
  @Get('collector.js')
  @Public()
  @Header('Content-Type', 'application/javascript; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="collector.js"')
  collector(): string {
    return this.endpoints.collectorScript();
  }

  /** The ids and command names the collector looks for. */
  @Get('catalog')
  @Roles(Role.Collector, Role.Admin, Role.Security, Role.Coe)
  catalog() {
    return this.endpoints.watchList();
  }

  @Post('reports')
  @HttpCode(200)
  @Roles(Role.Collector)
  report(@Body() body: EndpointReportDto, @CurrentActor() actor: Actor) {
    return this.endpoints.receive(body, actor);
  }

  @Get()
  @Roles(Role.Admin, Role.Security, Role.Coe)
  list(@Query() q: EndpointDevicesQueryDto, @CurrentActor() actor: Actor) {
    return this.endpoints.list(actor, q);
  }

  @Get(':deviceId')
  @Roles(Role.Admin, Role.Security, Role.Coe)
  get(@Param('deviceId', ParseUUIDPipe) deviceId: string, @CurrentActor() actor: Actor) {
    return this.endpoints.get(deviceId, actor);
  }
}
