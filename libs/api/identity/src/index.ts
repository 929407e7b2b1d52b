export * from './entities';
export * from './identity.module';
export * from './workspace-setup.service';
export { hashPassword, verifyPassword } from './passwords';
