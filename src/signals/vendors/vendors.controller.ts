import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { ConnectorScheduleDto, StoreCredentialDto } from './dto/connector.dto';
import { connectorOf } from './connector-registry';
import { VendorConnectorsService } from './vendor-connectors.service';
import { VendorSyncService } from './vendor-sync.service';

/** Vendor and identity connectors: admins hold the credentials, the CoE runs and reads them. */
@ApiTags('connectors')
@ApiBearerAuth()
@Controller('api/connectors')
export class VendorsController {
  constructor(
    private readonly sync: VendorSyncService,
    private readonly connectors: VendorConnectorsService,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @Roles(Role.Admin, Role.Coe, Role.Security)
  list() {
    return this.connectors.list();
  }

  @Put(':id/credential')
  @HttpCode(204)
  @Roles(Role.Admin)
  async storeCredential(
    @Param('id') id: string,
    @Body() dto: StoreCredentialDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.sync.storeCredential(id, dto.credential, dto.apiUrl ?? null, actor);
  }

  @Delete(':id/credential')
  @HttpCode(204)
  @Roles(Role.Admin)
  async removeCredential(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.connectors.removeCredential(id, actor);
  }

  @Put(':id/schedule')
  @Roles(Role.Admin)
  schedule(
    @Param('id') id: string,
    @Body() dto: ConnectorScheduleDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.connectors.schedule(id, dto.everyMinutes ?? null, actor);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Coe)
  test(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.sync.testConnection(id, actor);
  }

  /** Queues one run with the stored credential and URL; a request never chooses where it is sent. */
  @Post(':id/sync')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Coe)
  run(@Param('id') id: string, @CurrentActor() actor: Actor) {
    connectorOf(id);
    return this.jobs.enqueue(JobName.VendorSync, { connector: id }, { actor });
  }

  @Get('seats')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  seats(@CurrentActor() actor: Actor) {
    return this.connectors.seats(actor);
  }
}
