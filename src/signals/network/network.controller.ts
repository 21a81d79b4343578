import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { ListIngestsDto, UploadQueryDto, UsageQueryDto } from './dto/network-query.dto';
import { LogUploadService } from './log-upload.service';
import { NetworkUsageService } from './network-usage.service';

@ApiTags('network')
@ApiBearerAuth()
@Controller('api/network')
export class NetworkController {
  constructor(
    private readonly uploads: LogUploadService,
    private readonly usage: NetworkUsageService,
  ) {}

  /** A log file as the raw body (any content type but JSON/form) or as multipart field `file`. */
  @Post('uploads')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Security)
  @ApiConsumes('application/octet-stream', 'text/plain', 'application/gzip', 'multipart/form-data')
  async upload(@Req() req: Request, @Query() q: UploadQueryDto, @CurrentActor() actor: Actor) {
    const r = await this.uploads.receive(req, q, actor);
    return {
      jobId: r.job.id,
      state: r.job.state,
      file: r.file,
      bytes: r.bytes,
      fingerprint: r.fingerprint,
    };
  }

  @Get('usage')
  @Roles(Role.Admin, Role.Security, Role.Coe, Role.Leader)
  usageReport(@Query() q: UsageQueryDto, @CurrentActor() actor: Actor) {
    return this.usage.report(q, actor);
  }

  @Get('ingests')
  @Roles(Role.Admin, Role.Security, Role.Coe)
  ingests(@Query() q: ListIngestsDto) {
    return this.usage.ingests(q.limit, q.offset);
  }
}
