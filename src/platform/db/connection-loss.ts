/**
 * Errors that say the database connection went away, not that the query was wrong: postgres.js'
 * own codes, the socket's, and PostgreSQL's (class 08 connection exception, 57P0x the server
 * shutting down or terminating the backend, 53300 too many connections). A request that meets one
 * can be retried once the pool has reconnected, which it does by itself on the next query.
 */
const CLIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Whether the error, or what it wraps (drizzle wraps the driver's error as its cause), is a lost connection. */
export function isConnectionLoss(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CLIENT_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
  }
  return false;
}
