import { defineProblems } from '../errors/problem-catalogue';

export const AuthProblems = defineProblems('auth', {
  tokenMissing: { status: 401, en: 'Sign in and send the token as "Authorization: Bearer <token>"', zh: '请先登录，并以 “Authorization: Bearer <令牌>” 发送令牌' },
  tokenExpired: { status: 401, en: 'The token has expired; sign in again', zh: '令牌已过期，请重新登录' },
  tokenInvalid: { status: 401, en: 'The token is not valid; sign in again', zh: '令牌无效，请重新登录' },
  badCredentials: { status: 401, en: 'Unknown user name or wrong password', zh: '用户名不存在或密码错误' },
  shopHeaderInvalid: { status: 400, en: 'X-Shop-Id must be a UUID', zh: 'X-Shop-Id 必须是 UUID' },
  shopNotFound: { status: 404, en: 'Shop not found', zh: '未找到店铺' },
});
