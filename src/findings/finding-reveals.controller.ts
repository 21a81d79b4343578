import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { ListRevealsDto, RevealDecisionDto, RevealRequestDto } from './dto/reveal.dto';
import { RevealService } from './reveal/reveal.service';

/**
 * Reveals of pseudonymised findings (PSEUDONYMISED_TRIAGE): readers ask, the privacy role
 * decides, never the requester. Registered before FindingsController, so `reveal-requests` is
 * not read as a finding id.
 */
@ApiTags('findings')
@ApiBearerAuth()
@Controller('api/findings')
export class FindingRevealsController {
  constructor(private readonly reveals: RevealService) {}

  @Get('reveal-requests')
  @Roles(Role.Privacy, Role.Security, Role.Coe)
  list(@Query() q: ListRevealsDto, @CurrentActor() actor: Actor) {
    return this.reveals.list(q.state, actor);
  }

  @Post('reveal-requests/:rid/approve')
  @HttpCode(200)
  @Roles(Role.Privacy)
  approve(
    @Param('rid', ParseUUIDPipe) rid: string,
    @Body() dto: RevealDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reveals.decide(rid, 'approve', dto.comment, actor);
  }

  /** The privacy role refuses; the requester may withdraw their own request the same way. */
  @Post('reveal-requests/:rid/refuse')
  @HttpCode(200)
  @Roles(Role.Privacy, Role.Security, Role.Coe)
  refuse(
    @Param('rid', ParseUUIDPipe) rid: string,
    @Body() dto: RevealDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reveals.decide(rid, 'refuse', dto.comment, actor);
  }

  @Post(':id/reveal-requests')
  @Roles(Role.Security, Role.Coe, Role.Privacy)
  request(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RevealRequestDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reveals.request(id, dto.reason, actor);
  }

  /** The person behind the finding, for the requester of an approval in force; 403 otherwise. */
  @Get(':id/person')
  @Roles(Role.Security, Role.Coe, Role.Privacy)
  person(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.reveals.person(id, actor);
  }
}
