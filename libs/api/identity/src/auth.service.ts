import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan, Repository } from 'typeorm';
import type { LoginRequest, LoginResponse, MeResponse } from '@ecoute/contracts';
import { APP_CONFIG, type AppConfig, type AuthContext, type SessionVerifier } from '@ecoute/api-platform';
import { MembershipEntity, SessionEntity, UserEntity, WorkspaceEntity } from './entities';
import { hashPassword, verifyPassword } from './passwords';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const INVALID = 'the e-mail or password is incorrect';

@Injectable()
export class AuthService implements SessionVerifier {
  /** verified against when the e-mail is unknown, so that timing does not reveal which accounts exist */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  async login(input: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findOne({ where: { email: input.email.trim().toLowerCase() } });
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), input.password);
    if (!user || !ok) throw new UnauthorizedException(INVALID);
    const membership = await this.memberships.findOne({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    if (!membership) throw new UnauthorizedException('this account belongs to no workspace');
    const workspace = await this.workspaces.findOneByOrFail({ id: membership.workspaceId });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.insert({ tokenHash: sha256(token), userId: user.id, workspaceId: workspace.id, expiresAt });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, email: user.email, name: user.name, role: membership.role },
      workspace: { id: workspace.id, name: workspace.name },
    };
  }

  async verify(token: string): Promise<AuthContext | null> {
    const session = await this.sessions.findOne({
      where: { tokenHash: sha256(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!session) return null;
    const membership = await this.memberships.findOne({
      where: { userId: session.userId, workspaceId: session.workspaceId },
    });
    if (!membership) return null;
    return { userId: session.userId, workspaceId: session.workspaceId, role: membership.role, sessionId: session.id };
  }

  async me(auth: AuthContext): Promise<MeResponse> {
    const [user, workspace] = await Promise.all([
      this.users.findOneByOrFail({ id: auth.userId }),
      this.workspaces.findOneByOrFail({ id: auth.workspaceId }),
    ]);
    return {
      user: { id: user.id, email: user.email, name: user.name, role: auth.role },
      workspace: { id: workspace.id, name: workspace.name },
    };
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.sessions.update({ id: auth.sessionId }, { revokedAt: new Date() });
  }
}
