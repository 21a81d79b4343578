import { Module } from '@nestjs/common';
import { FindingsModule } from '../../findings/findings.module';
import { ConsoleCoreModule } from '../console/console-core.module';
import { FindingsPagesController } from './findings-pages.controller';

/** Security's triage queue and finding pages. */
@Module({
  imports: [ConsoleCoreModule, FindingsModule],
  controllers: [FindingsPagesController],
})
export class FindingsPagesModule {}
