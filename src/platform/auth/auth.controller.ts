import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody } from 'src/platform/http/validation';
import { Actor, CurrentActor } from './actor';
import { ChangePasswordBody, LoginBody, signedInExample } from './auth.dto';
import { AuthProblems } from './auth.problems';
import { AuthService } from './auth.service';
import { ALL_ROLES, Public, Roles } from './roles';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'A bearer token for the Authorization header. Too many failures for one user name or from one address lock signing in for a while (429 with Retry-After).',
    schema: { example: signedInExample },
  })
  @ApiProblems(400, AuthProblems.badCredentials, AuthProblems.tooManyFailures)
  login(@ValidBody(LoginBody) body: LoginBody, @Req() request: Request) {
    return this.auth.login(body.username, body.password, request.ip);
  }

  @Post('password')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'The password is changed and every other session of the account ends; the answer carries a new token for this one',
    schema: { example: signedInExample },
  })
  @ApiProblems(AuthProblems.wrongCurrentPassword, 401, AuthProblems.tooManyFailures)
  changePassword(
    @CurrentActor({ shopOptional: true }) actor: Actor,
    @ValidBody(ChangePasswordBody) body: ChangePasswordBody,
    @Req() request: Request,
  ) {
    return this.auth.changePassword(actor.userId, actor.username, body.currentPassword, body.newPassword, request.ip);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ schema: { example: { ...signedInExample.user, actingShopId: signedInExample.user.shopId } } })
  @ApiProblems(401)
  me(@CurrentActor({ shopOptional: true }) actor: Actor) {
    return {
      id: actor.userId,
      username: actor.username,
      role: actor.role,
      agentId: actor.agentId,
      actingShopId: actor.shopId || null,
    };
  }
}
