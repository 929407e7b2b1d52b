import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@ecoute/contracts';
import { MembershipEntity, UserEntity, WorkspaceEntity } from './entities';
import { hashPassword } from './passwords';

export interface MemberSpec {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creates a workspace and its members, idempotently (used by the demo seed and by tests). */
@Injectable()
export class WorkspaceSetupService {
  constructor(private readonly dataSource: DataSource) {}

  async ensureWorkspace(slug: string, name: string, members: readonly MemberSpec[]): Promise<WorkspaceEntity> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO workspace (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING`,
        [slug, name],
      );
      const workspace = await m.findOneByOrFail(WorkspaceEntity, { slug });
      for (const member of members) {
        const email = member.email.toLowerCase();
        let user = await m.findOneBy(UserEntity, { email });
        if (!user) {
          user = await m.save(UserEntity, { email, name: member.name, passwordHash: await hashPassword(member.password) });
        }
        await m.query(
          `INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (workspace_id, user_id) DO NOTHING`,
          [workspace.id, user.id, member.role],
        );
      }
      return workspace;
    });
  }

  async members(workspaceId: string): Promise<Array<{ id: string; name: string; email: string; role: Role }>> {
    return this.dataSource
      .createQueryBuilder()
      .select(['u.id AS id', 'u.name AS name', 'u.email AS email', 'm.role AS role'])
      .from(MembershipEntity, 'm')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .orderBy('u.name')
      .getRawMany();
  }
}
