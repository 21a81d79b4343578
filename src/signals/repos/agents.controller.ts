import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MinLength } from 'class-validator';
import { Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { AgentInventoryService } from './agent-inventory.service';

export class AgentInventoryQueryDto {
  @ApiPropertyOptional({ description: 'only this repository ("owner/name", or a checkout name)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  repository?: string;
}

/** For security: what acts on the organisation's behalf, and where it is configured. */
@ApiTags('agents')
@ApiBearerAuth()
@Controller('api')
export class AgentsController {
  constructor(private readonly inventory: AgentInventoryService) {}

  @Get('mcp-servers')
  @Roles(Role.Security, Role.Coe, Role.Admin)
  async mcpServers(@Query() q: AgentInventoryQueryDto) {
    return { servers: await this.inventory.mcpServers(q.repository) };
  }

  @Get('agents')
  @Roles(Role.Security, Role.Coe, Role.Admin)
  async agents(@Query() q: AgentInventoryQueryDto) {
    return { agents: await this.inventory.agents(q.repository) };
  }
}
