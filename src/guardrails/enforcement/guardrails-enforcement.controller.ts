import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { NetworkExportQueryDto, RegisterQueryDto } from './dto/enforcement-query.dto';
import { NetworkExportService } from './network/network-export.service';
import { EXPORT_FORMATS, type ExportFormat } from './network/network-export.renderers';
import { AiRegisterService } from './register/ai-register.service';

/**
 * What enforces policy outside AI Census: network lists for proxies and DNS filters, and the AI
 * register. Exports are generated from the policy on each request; the ETag is the policy
 * version, so a proxy's cron job can poll with If-None-Match and reload only on change.
 */
@ApiTags('guardrails')
@ApiBearerAuth()
@Controller('api/guardrails')
export class GuardrailsEnforcementController {
  constructor(
    private readonly network: NetworkExportService,
    private readonly register: AiRegisterService,
  ) {}

  @Get('exports/:format')
  @Roles(Role.Coe, Role.Security, Role.Admin)
  async networkExport(
    @Param('format') format: string,
    @Query() q: NetworkExportQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new DomainError(
        ErrorCode.NotFound,
        `format: "${format}" is not one of ${EXPORT_FORMATS.join(', ')}`,
      );
    const list = q.list ?? 'block';
    const r = await this.network.render(format as ExportFormat, list);
    const etag = `"${r.version}-${format}-${list}"`;
    res.setHeader('ETag', etag);
    res.setHeader('X-AI-Census-Policy-Version', r.version);
    res.setHeader('Cache-Control', 'no-cache');
    if (r.notes.length > 0)
      res.setHeader('X-AI-Census-Notes', encodeURIComponent(r.notes.join('\n')));
    if (ifNoneMatch?.split(',').some((t) => t.trim() === etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', r.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${r.filename}"`);
    res.send(r.body);
  }

  /** No person is named in the register (owner is a team or role), so leaders may read it. */
  @Get('register')
  @Roles(Role.Coe, Role.Security, Role.Leader, Role.Admin)
  async aiRegister(@Query() q: RegisterQueryDto, @Res() res: Response): Promise<void> {
    const r = await this.register.render(q.format ?? 'yaml');
    res.setHeader('Content-Type', r.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${r.filename}"`);
    res.send(r.body);
  }
}
