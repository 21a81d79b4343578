import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/roles.decorator';
import { setConsoleHeaders } from '../console/security-headers';
import { ConsoleRenderer } from './console-renderer.service';

/** The console's scripts, styles and Chart.js, from this server only (CSP `'self'`). */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  constructor(private readonly renderer: ConsoleRenderer) {}

  @Get(':name')
  @Public()
  asset(
    @Param('name') name: string,
    @Query('v') version: string | undefined,
    @Res() res: Response,
  ) {
    const asset = this.renderer.assets.get(name);
    if (!asset) throw new NotFoundException(`No console asset named ${name}`);
    // A fingerprinted URL never changes content; an unversioned one is revalidated.
    res.setHeader(
      'Cache-Control',
      version === asset.version ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    setConsoleHeaders(res);
    res.setHeader('ETag', `"${asset.version}"`);
    res.type(asset.contentType).send(asset.body);
  }
}
