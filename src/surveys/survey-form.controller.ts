import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { pickLanguage } from './i18n/languages';
import { SurveyFormService, type FormResult } from './survey-form.service';

/** The respondent's pages, reached by link (no API token), served as plain HTML. */
@ApiExcludeController()
@Controller('s')
export class SurveyFormController {
  constructor(private readonly forms: SurveyFormService) {}

  @Get('open/:token')
  @Public()
  async showOpen(
    @Param('token') token: string,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.forms.show('open', token, pickLanguage(lang, accept)));
  }

  @Post('open/:token')
  @Public()
  async postOpen(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.forms.post('open', token, body ?? {}, postedLanguage(lang, body, accept)));
  }

  @Get('resume/:token')
  @Public()
  async showResume(
    @Param('token') token: string,
    @Query('saved') saved: string | undefined,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.forms.show('resume', token, pickLanguage(lang, accept), saved === '1'));
  }

  @Post('resume/:token')
  @Public()
  async postResume(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    send(
      res,
      await this.forms.post('resume', token, body ?? {}, postedLanguage(lang, body, accept)),
    );
  }

  @Get(':token')
  @Public()
  async show(
    @Param('token') token: string,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.forms.show('invitation', token, pickLanguage(lang, accept)));
  }

  @Post(':token')
  @Public()
  async post(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    send(
      res,
      await this.forms.post('invitation', token, body ?? {}, postedLanguage(lang, body, accept)),
    );
  }
}

/** A post answers in the language its form was shown in: the address's, else the form's field. */
function postedLanguage(
  query: unknown,
  body: Record<string, unknown> | undefined,
  accept: string | undefined,
) {
  return pickLanguage(query ?? body?.lang, accept);
}

function send(res: Response, result: FormResult): void {
  // Links are capabilities: keep them out of caches and referrers.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  );
  if (result.redirect) {
    res.redirect(result.status, result.redirect);
    return;
  }
  res
    .status(result.status)
    .type('html')
    .send(result.html ?? '');
}
