import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const ROLES_KEY = 'aic:roles';
export const PUBLIC_KEY = 'aic:public';

/** The roles a route admits. A route without it (and without @Public) is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open without a token (health checks, survey forms reached by an invitation link). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
