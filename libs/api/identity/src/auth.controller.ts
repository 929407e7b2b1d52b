import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { LoginRequest, type LoginResponse, type MeResponse } from '@ecoute/contracts';
import { CurrentAuth, Public, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { AuthService } from './auth.service';

class LoginDto extends createZodDto(LoginRequest) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body);
  }

  @ApiBearerAuth()
  @RequirePermission('mentions.read')
  @Get('me')
  me(@CurrentAuth() auth: AuthContext): Promise<MeResponse> {
    return this.auth.me(auth);
  }

  @ApiBearerAuth()
  @RequirePermission('mentions.read')
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.auth.logout(auth);
  }
}
