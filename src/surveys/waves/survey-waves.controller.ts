import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { SurveyBenchmarks } from '../benchmarks/survey-benchmarks.service';
import { SurveyWavesService } from './survey-waves.service';

export class NewWaveDto {
  @ApiPropertyOptional({ description: 'defaults to the series title with "(wave N)"' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
}

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('api')
export class SurveyWavesController {
  constructor(
    private readonly waves: SurveyWavesService,
    private readonly benchmarks: SurveyBenchmarks,
  ) {}

  /** The published figures results are compared with, and whether the built-in file holds them. */
  @Get('survey-benchmarks')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  listBenchmarks() {
    return {
      from: this.benchmarks.builtIn ? 'built-in' : 'SURVEY_BENCHMARKS_FILE',
      benchmarks: this.benchmarks.all(),
    };
  }

  /** Re-runs the survey as a new wave: same questions, privacy mode and k; new links and answers. */
  @Post('surveys/:id/waves')
  @Roles(Role.Admin, Role.Coe)
  newWave(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: NewWaveDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.waves.newWave(id, dto, actor);
  }

  @Get('surveys/:id/waves')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.waves.waves(id);
  }
}
