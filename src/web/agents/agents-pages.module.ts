import { Module } from '@nestjs/common';
import { ReposModule } from '../../signals/repos/repos.module';
import { ConsoleCoreModule } from '../console/console-core.module';
import { AgentsPagesController } from './agents-pages.controller';

@Module({
  imports: [ConsoleCoreModule, ReposModule],
  controllers: [AgentsPagesController],
})
export class AgentsPagesModule {}
