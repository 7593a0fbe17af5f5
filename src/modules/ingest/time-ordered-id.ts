import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 4096);
let offset = pool.length;

/**
 * A UUID version 7 (RFC 9562): millisecond time first, then random. Imported facts get these so
 * their primary-key index grows at its end instead of at random places, which is much cheaper.
 */
export function timeOrderedId(now = Date.now()): string {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = now.toString(16).padStart(12, '0') + pool.toString('hex', offset, offset + 10);
  offset += 10;
  const version = `7${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
