import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthProblems } from './auth.problems';
import { AuthRepository, UserRecord } from './auth.repository';
import { verifyPassword } from './password';
import type { Role } from './roles';

export type TokenClaims = { sub: string };

export type SignedIn = {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; username: string; displayName: string; role: Role; shopId: string | null; agentId: string | null };
};

@Injectable()
export class AuthService {
  constructor(
    private readonly users: AuthRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<SignedIn> {
    const user = await this.users.findByUsername(username);
    // Verify even for unknown users so timing does not reveal which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    if (!user || !ok || !user.active) throw AuthProblems.badCredentials();
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims);
    const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: decoded.exp - decoded.iat, user: this.describe(user) };
  }

  /** The user behind a token, re-read each request so deactivation takes effect at once. */
  async userForToken(token: string): Promise<UserRecord> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw expired ? AuthProblems.tokenExpired() : AuthProblems.tokenInvalid();
    }
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw AuthProblems.tokenInvalid();
    return user;
  }

  shopLanguage(shopId: string): Promise<string | undefined> {
    return this.users.shopLanguage(shopId);
  }

  describe(user: UserRecord): SignedIn['user'] {
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, shopId: user.shopId, agentId: user.agentId };
  }
}
