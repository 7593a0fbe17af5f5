import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { AuthProblems } from './auth.problems';
import { LoginThrottleRepository, ThrottlePolicy } from './login-throttle.repository';

export type ThrottleKeys = { account: string; address: string | null };

/**
 * Limits password guessing per account and per client address (both counted in PostgreSQL, so
 * across replicas): after too many failures in the window, sign-in is refused with 429 and
 * `Retry-After` until the lock ends, before any password is checked. Unknown names are counted and
 * locked exactly like known ones.
 */
@Injectable()
export class LoginThrottle {
  private readonly account: ThrottlePolicy;
  private readonly address: ThrottlePolicy;

  constructor(
    private readonly throttles: LoginThrottleRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { maxFailures, maxFailuresPerAddress, windowSeconds, lockSeconds } = config.loginThrottle;
    this.account = { maxFailures, windowSeconds, lockSeconds };
    this.address = { maxFailures: maxFailuresPerAddress, windowSeconds, lockSeconds };
  }

  keys(username: string, address: string | undefined): ThrottleKeys {
    return { account: `account:${username}`, address: address ? `address:${address}` : null };
  }

  /** Refuses at once while either key is locked. */
  async check(keys: ThrottleKeys): Promise<void> {
    const until = await this.throttles.lockedUntil(this.list(keys));
    if (until) throw locked(until);
  }

  /** Counts a failure on both keys; throws the 429 when this failure locked either. */
  async failed(keys: ThrottleKeys): Promise<void> {
    const locks = [
      await this.throttles.fail(keys.account, this.account),
      keys.address ? await this.throttles.fail(keys.address, this.address) : null,
    ];
    const until = locks.filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    if (until) throw locked(until);
  }

  /** A success clears the account's count (never the address's: one's own account must not reset it). */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    await this.throttles.clear(keys.account);
  }

  private list(keys: ThrottleKeys): string[] {
    return keys.address ? [keys.account, keys.address] : [keys.account];
  }
}

function locked(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const at = until.toISOString().slice(0, 16).replace('T', ' ');
  return AuthProblems.tooManyFailures(
    { minutes: Math.ceil(seconds / 60), at },
    { extra: { retryAt: until.toISOString(), retryAfterSeconds: seconds } },
  );
}
