import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FindingsModule } from '../../findings/findings.module';
import { SurveysModule } from '../../surveys/surveys.module';
import { ClarificationsService } from './clarifications.service';
import { AupAcknowledgementEntity } from './entities/aup-acknowledgement.entity';
import { AupVersionEntity } from './entities/aup-version.entity';
import { ClarificationRequestEntity } from './entities/clarification-request.entity';
import { NudgeTemplateEntity } from './entities/nudge-template.entity';
import { NudgeEntity } from './entities/nudge.entity';
import { ToolRequestCommentEntity } from './entities/tool-request-comment.entity';
import { ToolRequestEntity } from './entities/tool-request.entity';
import { NudgesService } from './nudges.service';
import { OutreachDeliveryService } from './outreach-delivery.service';
import { OutreachMailProcessor } from './outreach-mail.processor';
import { OutreachPublicController } from './outreach-public.controller';
import { OutreachController } from './outreach.controller';
import { OutreachRepository } from './outreach.repository';
import { OutreachService } from './outreach.service';
import { ToolRequestsController } from './tool-requests.controller';
import { ToolRequestsService } from './tool-requests.service';

/** Ask instead of accuse: clarification requests, nudges with acknowledgements, tool requests. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ClarificationRequestEntity,
      AupVersionEntity,
      NudgeTemplateEntity,
      NudgeEntity,
      AupAcknowledgementEntity,
      ToolRequestEntity,
      ToolRequestCommentEntity,
    ]),
    FindingsModule,
    SurveysModule,
  ],
  controllers: [OutreachController, ToolRequestsController, OutreachPublicController],
  providers: [
    OutreachRepository,
    OutreachDeliveryService,
    ClarificationsService,
    NudgesService,
    ToolRequestsService,
    OutreachService,
    OutreachMailProcessor,
  ],
  exports: [OutreachService],
})
export class GuardrailsOutreachModule {}
