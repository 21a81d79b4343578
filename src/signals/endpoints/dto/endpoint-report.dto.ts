import { Type } from 'class-transformer';
import { PageQueryDto } from '../../../common/page-query.dto';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ENDPOINT_OSES,
  MCP_TRANSPORTS,
  type EndpointBrowserExtension,
  type EndpointCliTool,
  type EndpointIdeExtension,
  type EndpointMcpServer,
  type EndpointOs,
  type EndpointReport,
  type EndpointRuntime,
  type McpTransport,
} from '../endpoints.types';

// The collector caps each list at 500 and a runtime's models at 200 (collector/collector.js).
const MAX_ITEMS = 500;
const MAX_MODELS = 200;
const NAME = 200;
const VERSION = 100;
// names of variables and headers only: a value (a key, a URL, a path) does not fit the shape
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;

export class EndpointDeviceDto {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  hostname: string;

  @IsIn(ENDPOINT_OSES)
  os: EndpointOs;
}

export class EndpointIdeExtensionDto implements EndpointIdeExtension {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  ide: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  id: string;

  @IsOptional()
  @IsString()
  @MaxLength(VERSION)
  version: string | null;
}

export class EndpointMcpServerDto implements EndpointMcpServer {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  client: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  name: string;

  @IsIn(MCP_TRANSPORTS)
  transport: McpTransport;

  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  command: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  package: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(VERSION)
  version: string | null;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$/, {
    message: '$property must be a host name (no user, path or query)',
  })
  @MaxLength(255)
  host: string | null;

  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ENV_NAME, {
    each: true,
    message: '$property must hold environment variable names only',
  })
  envNames: string[];

  @IsArray()
  @ArrayMaxSize(100)
  @Matches(HEADER_NAME, { each: true, message: '$property must hold header names only' })
  headerNames: string[];
}

export class EndpointCliToolDto implements EndpointCliTool {
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: '$property must be a command name' })
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  package: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(VERSION)
  version: string | null;
}

export class EndpointRuntimeDto implements EndpointRuntime {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  runtime: string;

  @IsArray()
  @ArrayMaxSize(MAX_MODELS)
  @IsString({ each: true })
  @MaxLength(NAME, { each: true })
  models: string[];
}

export class EndpointBrowserExtensionDto implements EndpointBrowserExtension {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  browser: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  id: string;

  @IsOptional()
  @IsString()
  @MaxLength(VERSION)
  version: string | null;
}

export class EndpointReportDto implements EndpointReport {
  @Equals(1, {
    message: 'schemaVersion must be 1 (this server reads collector reports of version 1)',
  })
  schemaVersion: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  collectorVersion: string;

  @ValidateNested()
  @Type(() => EndpointDeviceDto)
  device: EndpointDeviceDto;

  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  user: string;

  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EndpointIdeExtensionDto)
  ideExtensions: EndpointIdeExtensionDto[];

  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EndpointMcpServerDto)
  mcpServers: EndpointMcpServerDto[];

  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EndpointCliToolDto)
  cliTools: EndpointCliToolDto[];

  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EndpointRuntimeDto)
  runtimes: EndpointRuntimeDto[];

  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EndpointBrowserExtensionDto)
  browserExtensions: EndpointBrowserExtensionDto[];
}

export class EndpointDevicesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(320)
  user?: string;
}
