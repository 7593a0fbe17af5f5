import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    });

/** Every variable the server reads (the README's configuration table lists each with its default). */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://']),
  REDIS_URL: optionalUrl(['redis://', 'rediss://']),
  WFM_DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 3600),
  CUSTOMER_KEY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKERS: z.enum(['inline', 'off']).default('inline'),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  SCHEDULES: z.enum(['on', 'off']).default('on'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('wfm'),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30000),
  JOB_LEASE_MS: z.coerce.number().int().min(1000).optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).default(60),
  NIGHTLY_CATCH_UP_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  IMPORT_MAX_MB: z.coerce.number().positive().default(200),
  IMPORT_SYNC_MAX_MB: z.coerce.number().positive().default(2),
  UPLOAD_STORE: z.enum(['database', 'folder']).optional(),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(2_000_000),
  VIEW_CACHE_MB: z.coerce.number().min(0).default(64),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  TRUST_PROXY: z.string().trim().default(''),
});

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: the server runs its own embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  /** Unset: jobs run in-process instead of on BullMQ. */
  redisUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret?: string;
  jwtTtlSeconds: number;
  customerKeySecret?: string;
  logLevel: string;
  /** `inline`: this process also runs the job workers (always true without Redis). */
  workers: 'inline' | 'off';
  seedDemo: 'auto' | 'always' | 'never';
  schedules: 'on' | 'off';
  /** BullMQ key prefix: separates deployments (and test files) sharing one Redis. */
  queuePrefix: string;
  jobConcurrency: number;
  /** How long a worker's BullMQ lock on a job lasts before BullMQ re-delivers it as stalled. */
  jobLockMs: number;
  /**
   * How long a run's PostgreSQL claim stays alive without a heartbeat before another start takes it
   * over. Unset, it is the job lock (JobExecution resolves it, so an override of the lock alone moves both).
   */
  jobLeaseMs?: number;
  /** After an outage, at most this many missed nights are run (the newest ones, oldest first). */
  nightlyCatchUpDays: number;
  /** After SIGTERM, running jobs get this long to finish before the process exits anyway. */
  shutdownGraceMs: number;
  /** Uploads larger than this are refused (413); above importSyncMaxBytes they run as a job. */
  importMaxBytes: number;
  importSyncMaxBytes: number;
  importMaxRows: number;
  /**
   * Where a large upload waits for its import job: `database` (every process on every host can
   * read it; the default with `DATABASE_URL`) or `folder` (the data folder: the embedded default).
   */
  uploadStore: 'database' | 'folder';
  /** Memory for serialised read views (rosters), per process; 0 turns the cache off. */
  viewCacheBytes: number;
  /** Failed sign-ins allowed per account and per client address within the window before a lock. */
  loginThrottle: { maxFailures: number; maxFailuresPerAddress: number; windowSeconds: number; lockSeconds: number };
  /** Express's `trust proxy`: behind a reverse proxy, the client address comes from X-Forwarded-For. */
  trustProxy: boolean | number | string;
};

function trustProxy(value: string): boolean | number | string {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export class ConfigError extends Error {}

/** Validated once at boot; every problem is named so the operator can fix it in one go. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const missing = (['JWT_SECRET', 'CUSTOMER_KEY_SECRET'] as const).filter((k) => e.NODE_ENV === 'production' && !e[k]);
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required when NODE_ENV=production`).join('\n')}`,
    );
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: isAbsolute(e.WFM_DATA_DIR) ? e.WFM_DATA_DIR : resolve(process.cwd(), e.WFM_DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwtSecret: e.JWT_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    customerKeySecret: e.CUSTOMER_KEY_SECRET,
    logLevel: e.LOG_LEVEL,
    workers: e.WORKERS,
    seedDemo: e.SEED_DEMO,
    schedules: e.SCHEDULES,
    queuePrefix: e.QUEUE_PREFIX,
    jobConcurrency: e.JOB_CONCURRENCY,
    jobLockMs: e.JOB_LOCK_MS,
    jobLeaseMs: e.JOB_LEASE_MS,
    nightlyCatchUpDays: e.NIGHTLY_CATCH_UP_DAYS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    importMaxBytes: Math.round(e.IMPORT_MAX_MB * 2 ** 20),
    importSyncMaxBytes: Math.round(e.IMPORT_SYNC_MAX_MB * 2 ** 20),
    importMaxRows: e.IMPORT_MAX_ROWS,
    uploadStore: e.UPLOAD_STORE ?? (e.DATABASE_URL ? 'database' : 'folder'),
    viewCacheBytes: Math.round(e.VIEW_CACHE_MB * 2 ** 20),
    loginThrottle: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: Math.round(e.LOGIN_WINDOW_MINUTES * 60),
      lockSeconds: Math.round(e.LOGIN_LOCK_MINUTES * 60),
    },
    trustProxy: trustProxy(e.TRUST_PROXY),
  };
}
