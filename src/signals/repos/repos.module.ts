import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentInventoryService } from './agent-inventory.service';
import { AgentsController } from './agents.controller';
import { McpServerEntity } from './entities/mcp-server.entity';
import { McpServerRepository } from './mcp-server.repository';
import { GithubOwnerEntity } from './entities/github-owner.entity';
import { RepoScanEntity } from './entities/repo-scan.entity';
import { RepositoryEntity } from './entities/repository.entity';
import { RepoMatcherProvider } from './repo-matcher.provider';
import { RepoOwnershipController } from './repo-ownership.controller';
import { RepoOwnershipService } from './repo-ownership.service';
import { ReposController } from './repos.controller';
import { ReposRepository } from './repos.repository';
import { ReposService } from './repos.service';
import { GithubScanService } from './github-scan.service';
import { LocalScanService } from './local-scan.service';
import { RepoReportService } from './repo-report.service';
import { ScanGithubProcessor } from './scan-github.processor';
import { ScanRepoProcessor } from './scan-repo.processor';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      RepositoryEntity,
      RepoScanEntity,
      GithubOwnerEntity,
      McpServerEntity,
    ]),
  ],
  controllers: [ReposController, RepoOwnershipController, AgentsController],
  providers: [
    AgentInventoryService,
    McpServerRepository,
    ReposRepository,
    ReposService,
    RepoOwnershipService,
    RepoReportService,
    LocalScanService,
    GithubScanService,
    RepoMatcherProvider,
    ScanRepoProcessor,
    ScanGithubProcessor,
  ],
  exports: [
    AgentInventoryService,
    ReposService,
    RepoOwnershipService,
    RepoReportService,
    LocalScanService,
    GithubScanService,
  ],
})
export class ReposModule {}
