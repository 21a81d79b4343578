import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { RecordOfProcessingQueryDto, SubjectAccessQueryDto } from './dto/privacy.dto';
import { RecordOfProcessingService } from './record/record-of-processing.service';
import { SubjectAccessService } from './subject-access/subject-access.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/privacy')
export class PrivacyAccessController {
  constructor(
    private readonly access: SubjectAccessService,
    private readonly record: RecordOfProcessingService,
  ) {}

  /** Subject access: everything held about one person (id or e-mail), audited. */
  @Get('people/:person/export')
  @Roles(Role.Admin, Role.Privacy)
  @ApiOperation({
    summary:
      'Everything held about one person (:person is an id or an e-mail), as JSON or as one CSV of kind, record, field, value',
  })
  async exportPerson(
    @Param('person') person: string,
    @Query() q: SubjectAccessQueryDto,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.access.exportAs(person, q.format ?? 'json', actor);
    res.setHeader('Content-Type', r.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="person-${r.personId}.${r.extension}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.send(r.body);
  }

  @Get('record-of-processing')
  @Roles(Role.Admin, Role.Privacy, Role.Coe)
  @ApiOperation({ summary: 'The record of processing from the live configuration (md or pdf)' })
  async recordOfProcessing(
    @Query() q: RecordOfProcessingQueryDto,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.record.render(q.format ?? 'md', actor);
    res.setHeader('Content-Type', r.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${r.filename}"`);
    res.send(r.body);
  }
}
