import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { ClarificationsService } from './clarifications.service';
import {
  AskClarificationDto,
  ListOutreachDto,
  NudgeTemplateDto,
  PublishAupDto,
  SendNudgesDto,
} from './dto/outreach.dto';
import type { OutreachDelivery } from './outreach-delivery.service';
import { NudgesService } from './nudges.service';

export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

/** 202 with the mail job, or 201 with the links to hand out. */
function delivered(res: Response, d: OutreachDelivery) {
  if ('sent' in d) {
    res.status(202);
    return d.sent;
  }
  res.status(201);
  return d;
}

const DEFAULT_KEY = 'default';

@ApiTags('guardrails')
@ApiBearerAuth()
@Controller('api/guardrails')
export class OutreachController {
  constructor(
    private readonly clarifications: ClarificationsService,
    private readonly nudges: NudgesService,
  ) {}

  /** Asks the person behind each lead or undisclosed finding, through a single-use link. */
  @Post('clarifications')
  @Roles(Role.Security, Role.Coe, Role.Admin)
  @ApiResponse({ status: 201, description: 'links issued, to hand out' })
  @ApiResponse({ status: 202, description: 'send: true — the e-mail job, as GET /api/jobs/:id' })
  async ask(
    @Body() dto: AskClarificationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ) {
    return delivered(
      res,
      await this.clarifications.ask(dto.findingIds, dto, requestOrigin(req), actor),
    );
  }

  @Get('clarifications')
  @Roles(Role.Security, Role.Coe, Role.Admin)
  listClarifications(@Query() q: ListOutreachDto, @CurrentActor() actor: Actor) {
    return this.clarifications.list(q, actor);
  }

  /** What people answered, per tool, groups under k suppressed. */
  @Get('clarifications/summary')
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin)
  clarificationSummary() {
    return this.clarifications.summary();
  }

  @Get('aup')
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin, Role.Privacy)
  async aup() {
    return { current: await this.nudges.currentAup(), versions: await this.nudges.listAup() };
  }

  /** Publishes a new version of the acceptable-use policy; nudges from now on ask for it. */
  @Post('aup')
  @Roles(Role.Coe, Role.Admin)
  publishAup(@Body() dto: PublishAupDto, @CurrentActor() actor: Actor) {
    return this.nudges.publishAup(dto, actor);
  }

  @Get('nudge-templates')
  @Roles(Role.Coe, Role.Security, Role.Admin)
  templates() {
    return this.nudges.templates();
  }

  /** `default` edits the template of every tool without its own. */
  @Put('nudge-templates/:toolId')
  @Roles(Role.Coe, Role.Admin)
  setTemplate(
    @Param('toolId') toolId: string,
    @Body() dto: NudgeTemplateDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.nudges.setTemplate(toolId === DEFAULT_KEY ? null : toolId, dto, actor);
  }

  @Delete('nudge-templates/:toolId')
  @HttpCode(204)
  @Roles(Role.Coe, Role.Admin)
  deleteTemplate(@Param('toolId') toolId: string, @CurrentActor() actor: Actor) {
    return this.nudges.deleteTemplate(toolId === DEFAULT_KEY ? null : toolId, actor);
  }

  /** Nudges the people behind the tool's findings (or the ones named among them). */
  @Post('nudges')
  @Roles(Role.Coe, Role.Security, Role.Admin)
  @ApiResponse({ status: 201, description: 'links issued, to hand out' })
  @ApiResponse({ status: 202, description: 'send: true — the e-mail job, as GET /api/jobs/:id' })
  async nudge(
    @Body() dto: SendNudgesDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ) {
    return delivered(res, await this.nudges.send(dto, requestOrigin(req), actor));
  }

  @Get('nudges')
  @Roles(Role.Coe, Role.Security, Role.Admin)
  listNudges(@Query() q: ListOutreachDto, @CurrentActor() actor: Actor) {
    return this.nudges.list(q, actor);
  }

  /** The acceptable-use policy acknowledgement rate by team, as the baseline shows it. */
  @Get('acknowledgements')
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin)
  acknowledgements() {
    return this.nudges.acknowledgementRates();
  }
}
