import { join } from 'node:path';

/**
 * Nest code must run as compiled by tsc (tsx drops the decorator metadata that injection needs),
 * so benchmarks load the app from dist/ (`npm run build` first) and take its types from src/.
 */
export function compiled<T>(modulePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, '..', 'dist', modulePath)) as T;
}
