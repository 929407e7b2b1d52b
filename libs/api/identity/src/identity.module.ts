import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_VERIFIER } from '@ecoute/api-platform';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { IDENTITY_ENTITIES } from './entities';
import { WorkspaceSetupService } from './workspace-setup.service';

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController],
  providers: [AuthService, WorkspaceSetupService, { provide: SESSION_VERIFIER, useExisting: AuthService }],
  exports: [SESSION_VERIFIER, WorkspaceSetupService],
})
export class IdentityModule {}
