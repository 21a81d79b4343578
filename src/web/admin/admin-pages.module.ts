import { Module } from '@nestjs/common';
import { ConsoleCoreModule } from '../console/console-core.module';
import { AdminPagesController } from './admin-pages.controller';

/** Tokens and the audit log (the auth module's services are global). */
@Module({
  imports: [ConsoleCoreModule],
  controllers: [AdminPagesController],
})
export class AdminPagesModule {}
