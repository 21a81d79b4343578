import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceEntity } from './entities/evidence.entity';
import { EvidenceChangesRepository } from './evidence-changes.repository';
import { EvidenceErasureRepository } from './evidence-erasure.repository';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EvidenceEntity])],
  providers: [
    EvidenceRepository,
    EvidenceChangesRepository,
    EvidenceErasureRepository,
    EvidenceService,
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
