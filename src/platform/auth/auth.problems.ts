import { defineProblems } from 'src/platform/errors/problem-catalogue';

export const AuthProblems = defineProblems('auth', {
  tokenMissing: {
    status: 401,
    en: 'Sign in and send the token as "Authorization: Bearer <token>"',
    zh: '请先登录，并以 “Authorization: Bearer <令牌>” 发送令牌',
  },
  tokenExpired: { status: 401, en: 'The token has expired; sign in again', zh: '令牌已过期，请重新登录' },
  tokenInvalid: { status: 401, en: 'The token is not valid; sign in again', zh: '令牌无效，请重新登录' },
  badCredentials: { status: 401, en: 'Unknown user name or wrong password', zh: '用户名不存在或密码错误' },
  tokenRevoked: {
    status: 401,
    en: 'This sign-in has ended because the password, role or access of the account changed; sign in again',
    zh: '账户的密码、角色或权限已变更，此次登录已失效，请重新登录',
  },
  tooManyFailures: {
    status: 429,
    en: 'Too many failed sign-ins: signing in is locked for {minutes} more minute(s); try again after {at} (UTC)',
    zh: '登录失败次数过多，已暂时锁定，请在 {minutes} 分钟后（UTC 时间 {at} 之后）再试',
  },
  wrongCurrentPassword: { status: 400, en: 'The current password is wrong', zh: '当前密码不正确' },
  shopHeaderInvalid: { status: 400, en: 'X-Shop-Id must be a UUID', zh: 'X-Shop-Id 必须是 UUID' },
  shopNotFound: { status: 404, en: 'Shop not found', zh: '未找到店铺' },
});
