import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CommonProblems } from 'src/platform/errors/common-problems';
import { setShopLocale } from 'src/platform/i18n/request-locale';
import { AuthProblems } from './auth.problems';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global and deny-by-default: a route needs @Public or @Roles. Resolves the shop the request acts
 * on; a user naming another shop learns nothing (404), as with any other shop's id.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw AuthProblems.tokenMissing();
    const user = await this.auth.userForToken(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(user.role as Role)) throw CommonProblems.roleForbidden({ role: user.role });
    request.actor = {
      userId: user.id,
      username: user.username,
      role: user.role as Role,
      agentId: user.agentId,
      shopId: await this.shopFor(user, request),
    };
    return true;
  }

  private async shopFor(
    user: { role: string; shopId: string | null; shopLanguage?: string | null },
    request: Request,
  ): Promise<string> {
    const asked = request.headers['x-shop-id'];
    const wanted = Array.isArray(asked) ? asked[0] : asked;
    if (wanted !== undefined && !UUID.test(wanted)) {
      throw AuthProblems.shopHeaderInvalid(undefined, {
        errors: [{ field: 'X-Shop-Id', message: { en: 'must be a UUID', zh: '必须是 UUID' }, in: 'header' }],
      });
    }
    if (user.shopId) {
      if (wanted && wanted !== user.shopId) throw AuthProblems.shopNotFound();
      setShopLocale(user.shopLanguage, request);
      return user.shopId;
    }
    if (!wanted) return '';
    const language = await this.auth.shopLanguage(wanted);
    if (!language) throw AuthProblems.shopNotFound();
    setShopLocale(language, request);
    return wanted;
  }
}
