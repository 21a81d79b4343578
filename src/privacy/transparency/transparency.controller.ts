import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/roles.decorator';
import { TransparencyService } from './transparency.service';

/** What is collected about the people measured, for them to read: no token, no organisation data. */
@ApiTags('privacy')
@Controller('privacy')
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The transparency page (HTML), generated from the live configuration' })
  async page(@Res() res: Response) {
    sendHtml(res, (await this.transparency.current()).html);
  }

  @Get('history')
  @Public()
  @ApiOperation({ summary: 'Every version the transparency page has had, oldest first' })
  history() {
    return this.transparency.history();
  }

  @Get('history/:hash')
  @Public()
  @ApiOperation({ summary: 'One earlier version of the transparency page (HTML)' })
  async version(@Param('hash') hash: string, @Res() res: Response) {
    sendHtml(res, await this.transparency.version(hash));
  }
}

/** The same content as JSON, at /privacy.json beside the page. */
@ApiTags('privacy')
@Controller()
export class TransparencyJsonController {
  constructor(private readonly transparency: TransparencyService) {}

  @Get('privacy.json')
  @Public()
  @ApiOperation({ summary: 'The transparency page as JSON, with its version hash' })
  async json() {
    const page = await this.transparency.current();
    return { version: page.hash, ...page.facts };
  }
}

function sendHtml(res: Response, html: string): void {
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.status(200).type('html').send(html);
}
