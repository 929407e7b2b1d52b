import { createParamDecorator, ExecutionContext, SetMetadata, UnauthorizedException } from '@nestjs/common';
import type { Permission } from '@ecoute/contracts';
import type { AuthContext, AuthenticatedRequest } from './auth-context';

export const PUBLIC_KEY = 'ecoute:public';
export const PERMISSION_KEY = 'ecoute:permission';

/** The route needs no sign-in (login, health, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission a route needs. A route with neither this nor @Public() is refused to everyone. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** The signed-in caller: user, workspace and role. */
export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.auth) throw new UnauthorizedException('sign-in required');
  return req.auth;
});
