import { z } from 'zod';
import { Role } from './enums';

export const LoginRequest = z.object({
  email: z.email({ message: 'email must be a valid e-mail address' }).max(254),
  password: z.string().min(1, 'password is required').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
export interface SessionWorkspace {
  id: string;
  name: string;
}
export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: SessionUser;
  workspace: SessionWorkspace;
}
export interface MeResponse {
  user: SessionUser;
  workspace: SessionWorkspace;
}
