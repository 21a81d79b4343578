import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_LISTS, type ExportList } from '../network/network-export.renderers';
import { REGISTER_FORMATS, type RegisterFormat } from '../register/ai-register';

export class NetworkExportQueryDto {
  @ApiPropertyOptional({
    enum: EXPORT_LISTS,
    default: 'block',
    description: 'block: prohibited tools; allow: sanctioned tools (Squid always has both)',
  })
  @IsOptional()
  @IsIn(EXPORT_LISTS, { message: `list must be one of ${EXPORT_LISTS.join(', ')}` })
  list?: ExportList;
}

export class RegisterQueryDto {
  @ApiPropertyOptional({ enum: REGISTER_FORMATS, default: 'yaml' })
  @IsOptional()
  @IsIn(REGISTER_FORMATS, { message: `format must be one of ${REGISTER_FORMATS.join(', ')}` })
  format?: RegisterFormat;
}
