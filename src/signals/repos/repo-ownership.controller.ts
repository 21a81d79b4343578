import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { type Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { RepositoryOwnershipDto } from './dto/repo-ownership.dto';
import { RepoOwnershipService } from './repo-ownership.service';

@ApiTags('repos')
@ApiBearerAuth()
@Controller('api/repos')
export class RepoOwnershipController {
  constructor(private readonly ownership: RepoOwnershipService) {}

  /** The team that owns a repository and its data classes; correlation and reports use both. */
  @Patch(':id/ownership')
  @Roles(Role.Admin, Role.Coe)
  set(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RepositoryOwnershipDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.ownership.set(id, dto, actor);
  }
}
