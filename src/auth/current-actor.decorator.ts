import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from './role';

export const ACTOR_REQUEST_KEY = 'aicActor';

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  return req[ACTOR_REQUEST_KEY] as Actor;
});
