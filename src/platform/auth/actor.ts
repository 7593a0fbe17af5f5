import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CommonProblems } from 'src/platform/errors/common-problems';
import type { Role } from './roles';

/** Who is calling, and for which shop: every service call is scoped by `shopId`. */
export type Actor = {
  userId: string;
  username: string;
  role: Role;
  /** The shop this request acts on (an admin picks it with the X-Shop-Id header). */
  shopId: string;
  /** The employee record of this user, if any (agents and supervisors have one). */
  agentId: string | null;
};

/**
 * Set by AuthGuard. An admin spans shops and names one with X-Shop-Id; routes that act on no shop
 * (the list of shops) use `@CurrentActor({ shopOptional: true })`.
 */
export const CurrentActor = createParamDecorator(
  (data: { shopOptional?: boolean } | undefined, ctx: ExecutionContext): Actor => {
    const actor = ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
    if (!actor.shopId && !data?.shopOptional) {
      throw CommonProblems.shopHeaderRequired(undefined, {
        errors: [{ field: 'X-Shop-Id', message: { en: 'required for admins', zh: '管理员必填' }, in: 'header' }],
      });
    }
    return actor;
  },
);
