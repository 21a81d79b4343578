import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import {
  CreateToolRequestDto,
  DecideToolRequestDto,
  ListToolRequestsDto,
  ToolRequestCommentDto,
} from './dto/outreach.dto';
import { requestOrigin } from './outreach.controller';
import { ToolRequestsService } from './tool-requests.service';

@ApiTags('guardrails')
@ApiBearerAuth()
@Controller('api/guardrails/tool-requests')
export class ToolRequestsController {
  constructor(private readonly requests: ToolRequestsService) {}

  /** A request entered in the console; the answer holds the requester's status link (once). */
  @Post()
  @Roles(Role.Coe, Role.Security, Role.Leader, Role.Admin)
  create(@Body() dto: CreateToolRequestDto, @Req() req: Request, @CurrentActor() actor: Actor) {
    return this.requests.create(dto, requestOrigin(req), actor);
  }

  /** The CoE's queue, oldest first. */
  @Get()
  @Roles(Role.Coe, Role.Admin)
  list(@Query() q: ListToolRequestsDto, @CurrentActor() actor: Actor) {
    return this.requests.list(q, actor);
  }

  @Get(':id')
  @Roles(Role.Coe, Role.Admin)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.requests.get(id, actor);
  }

  @Post(':id/comments')
  @Roles(Role.Coe, Role.Admin)
  comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ToolRequestCommentDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.requests.comment(id, dto.body, actor);
  }

  /** Sets the tool's policy and tells the requester. */
  @Post(':id/decision')
  @Roles(Role.Coe, Role.Admin)
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideToolRequestDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.requests.decide(id, dto, actor);
  }
}
