import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * UUID v7 with a counter inside the millisecond (RFC 9562, method 1): events written in one
 * transaction share its timestamp, so the trail is ordered by (at, id) and ids must follow the
 * order in which this process made them.
 */
export function complaintEventId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  const random = randomBytes(8);
  const time = lastMs.toString(16).padStart(12, '0');
  const variant = ((random[0] & 0x3f) | 0x80).toString(16).padStart(2, '0') + random.toString('hex', 1, 8);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${variant.slice(0, 4)}-${variant.slice(4, 16)}`;
}
