import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from 'src/platform/config/app-config';

/**
 * A configured secret, or (embedded/demo) one generated once and kept in the data folder, so it
 * survives restarts without anyone having to set a variable. Production must configure them.
 */
export function persistentSecret(
  config: AppConfig,
  name: 'jwt-secret' | 'customer-key-secret',
  configured: string | undefined,
): string {
  if (configured) return configured;
  const file = join(config.dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const jwtSecret = (config: AppConfig) => persistentSecret(config, 'jwt-secret', config.jwtSecret);
