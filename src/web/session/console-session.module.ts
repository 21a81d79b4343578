import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsoleSessionEntity } from './console-session.entity';
import { ConsoleSessionRepository } from './console-session.repository';
import { ConsoleSessionService } from './console-session.service';

/** Console sessions and the table that holds them (read here only). */
@Module({
  imports: [TypeOrmModule.forFeature([ConsoleSessionEntity])],
  providers: [ConsoleSessionRepository, ConsoleSessionService],
  exports: [ConsoleSessionService],
})
export class ConsoleSessionModule {}
