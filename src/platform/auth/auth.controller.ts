import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { ValidBody } from '../http/validation';
import { Actor, CurrentActor } from './actor';
import { LoginBody, signedInExample } from './auth.dto';
import { AuthService } from './auth.service';
import { ALL_ROLES, Public, Roles } from './roles';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'A bearer token for the Authorization header', schema: { example: signedInExample } })
  @ApiProblems(400, 401)
  login(@ValidBody(LoginBody) body: LoginBody) {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ schema: { example: { ...signedInExample.user, actingShopId: signedInExample.user.shopId } } })
  @ApiProblems(401)
  me(@CurrentActor({ shopOptional: true }) actor: Actor) {
    return { id: actor.userId, username: actor.username, role: actor.role, agentId: actor.agentId, actingShopId: actor.shopId || null };
  }
}
