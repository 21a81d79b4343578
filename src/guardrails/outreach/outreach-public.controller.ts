import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/roles.decorator';
import { ClarificationsService } from './clarifications.service';
import { NudgesService } from './nudges.service';
import { type PublicPage, pageHtml } from './public/public-page';
import { ToolRequestsService } from './tool-requests.service';

/** The pages a person reaches by an outreach link (no API token), served as plain HTML. */
@ApiExcludeController()
@Controller('g')
export class OutreachPublicController {
  constructor(
    private readonly clarifications: ClarificationsService,
    private readonly nudges: NudgesService,
    private readonly requests: ToolRequestsService,
  ) {}

  @Get('clarify/:token')
  @Public()
  async showClarify(@Param('token') token: string, @Res() res: Response) {
    send(res, await this.clarifications.page(token));
  }

  @Post('clarify/:token')
  @Public()
  async answer(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    send(res, await this.clarifications.answer(token, body ?? {}));
  }

  @Get('ack/:token')
  @Public()
  async showAck(@Param('token') token: string, @Res() res: Response) {
    send(res, await this.nudges.ackPage(token));
  }

  @Post('ack/:token')
  @Public()
  async acknowledge(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    send(res, await this.nudges.acknowledge(token, body ?? {}));
  }

  @Get('request/:token')
  @Public()
  async showRequest(@Param('token') token: string, @Res() res: Response) {
    send(res, await this.requests.requestPage(token));
  }

  @Post('request/:token')
  @Public()
  async request(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    send(res, await this.requests.submitFromNudge(token, body ?? {}));
  }

  @Get('status/:token')
  @Public()
  async status(
    @Param('token') token: string,
    @Query('sent') sent: string | undefined,
    @Res() res: Response,
  ) {
    send(
      res,
      await this.requests.statusPage(
        token,
        sent ? 'Your request is sent. Keep this page’s address to follow it.' : undefined,
      ),
    );
  }

  @Post('status/:token')
  @Public()
  async statusComment(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    send(res, await this.requests.statusComment(token, body ?? {}));
  }
}

function send(res: Response, page: PublicPage): void {
  // Links are capabilities: keep them out of caches and referrers; no script runs on these pages.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  );
  if (page.redirect) {
    res.redirect(page.status, page.redirect);
    return;
  }
  res.status(page.status).type('html').send(pageHtml(page));
}
