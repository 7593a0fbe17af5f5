import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthProblems } from './auth.problems';
import { AuthRepository, UserRecord } from './auth.repository';
import { LoginThrottle } from './login-throttle';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { Role } from './roles';

/** `ver` is the user's token version when the token was issued (absent in tokens from before it existed). */
export type TokenClaims = { sub: string; ver?: number };

export type SignedIn = {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    shopId: string | null;
    agentId: string | null;
  };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  private decoy?: Promise<string>;

  constructor(
    private readonly users: AuthRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * A locked account or address is refused before any work; otherwise the password is checked
   * (an unknown name against a decoy hash of today's strength: the same work) and a failure counted.
   */
  async login(username: string, password: string, address?: string): Promise<SignedIn> {
    const keys = this.throttle.keys(username, address);
    await this.throttle.check(keys);
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash()));
    if (!user || !ok || !user.active) {
      await this.throttle.failed(keys);
      throw AuthProblems.badCredentials();
    }
    await this.throttle.succeeded(keys);
    if (needsRehash(user.passwordHash))
      await this.users.upgradeHash(user.id, user.passwordHash, await hashPassword(password));
    return this.signIn(user, user.tokenVersion);
  }

  /** The signed-in user's own new password; every other session ends, this one gets a new token. */
  async changePassword(
    userId: string,
    username: string,
    currentPassword: string,
    newPassword: string,
    address?: string,
  ): Promise<SignedIn> {
    const keys = this.throttle.keys(username, address);
    await this.throttle.check(keys);
    const user = await this.users.findById(userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.throttle.failed(keys);
      throw AuthProblems.wrongCurrentPassword.at('currentPassword');
    }
    const version = await this.users.setPassword(user.id, await hashPassword(newPassword));
    return this.signIn(user, version);
  }

  /**
   * The user behind a token, re-read each request: deactivation, a new password or a new role
   * (each raises the user's token version) end the token at once. Anything malformed is a 401.
   */
  async userForToken(token: string): Promise<UserRecord> {
    let claims: Partial<TokenClaims> | string;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw expired ? AuthProblems.tokenExpired() : AuthProblems.tokenInvalid();
    }
    if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !UUID.test(claims.sub))
      throw AuthProblems.tokenInvalid();
    if (claims.ver !== undefined && !Number.isInteger(claims.ver)) throw AuthProblems.tokenInvalid();
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw AuthProblems.tokenInvalid();
    if ((claims.ver ?? 0) !== user.tokenVersion) throw AuthProblems.tokenRevoked();
    return user;
  }

  shopLanguage(shopId: string): Promise<string | undefined> {
    return this.users.shopLanguage(shopId);
  }

  describe(user: UserRecord): SignedIn['user'] {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      shopId: user.shopId,
      agentId: user.agentId,
    };
  }

  private async signIn(user: UserRecord, version: number): Promise<SignedIn> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, ver: version } satisfies TokenClaims);
    const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: decoded.exp - decoded.iat, user: this.describe(user) };
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= decoyHash();
    return this.decoy;
  }
}
