import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IpLeaseEntity } from './entities/ip-lease.entity';
import { PersonIdentityEntity } from './entities/person-identity.entity';
import { PersonEntity } from './entities/person.entity';
import { TeamEntity } from './entities/team.entity';
import { UnresolvedIdentityEntity } from './entities/unresolved-identity.entity';
import { ErasedIdentityEntity } from './entities/erased-identity.entity';
import { ErasureSaltEntity } from './entities/erasure-salt.entity';
import { PersonErasureRepository } from './person-erasure.repository';
import { DirectoryImportProcessor } from './directory-import.processor';
import { DirectoryUploadService } from './directory-upload.service';
import { IdentityRepository } from './identity.repository';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleAdminService } from './people-admin.service';
import { PeopleService } from './people.service';

// Global: every signal module resolves identities through PeopleService.
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PersonEntity,
      TeamEntity,
      PersonIdentityEntity,
      IpLeaseEntity,
      UnresolvedIdentityEntity,
      ErasedIdentityEntity,
      ErasureSaltEntity,
    ]),
  ],
  controllers: [PeopleController],
  providers: [
    PeopleRepository,
    IdentityRepository,
    PersonErasureRepository,
    PeopleService,
    PeopleAdminService,
    DirectoryUploadService,
    DirectoryImportProcessor,
  ],
  exports: [PeopleService, PeopleAdminService, DirectoryUploadService],
})
export class PeopleModule {}
