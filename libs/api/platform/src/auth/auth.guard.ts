import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleHasPermission, type Permission } from '@ecoute/contracts';
import { SESSION_VERIFIER, type AuthenticatedRequest, type SessionVerifier } from './auth-context';
import { PERMISSION_KEY, PUBLIC_KEY } from './decorators';

export const SESSION_COOKIE = 'ecoute_session';

/**
 * The global guard: every route needs sign-in unless marked @Public(), and a permission that the caller's
 * role holds. A route that declares no permission is refused (denied by default).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_VERIFIER) private readonly sessions: SessionVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req) ?? cookieToken(req);
    if (!token) throw new UnauthorizedException('sign-in required: send Authorization: Bearer <token>');
    const auth = await this.sessions.verify(token);
    if (!auth) throw new UnauthorizedException('the session is invalid or has expired; sign in again');
    req.auth = auth;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) throw new ForbiddenException('this route declares no permission');
    if (!roleHasPermission(auth.role, permission)) {
      throw new ForbiddenException(`your role (${auth.role}) lacks the permission ${permission}`);
    }
    return true;
  }
}

function bearerToken(req: AuthenticatedRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

function cookieToken(req: AuthenticatedRequest): string | null {
  const raw = req.headers.cookie;
  if (!raw) return null;
  for (const part of raw.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
