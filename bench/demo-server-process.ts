import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * What the benchmarks that run the compiled server as its own process share: a free port, the node
 * flags of `npm start`, and a small JSON client for its API.
 */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The node flags `npm start` runs dist/main.js with (the heap cap among them). */
export const startFlags = /exec node (.*?)\s*dist\/main\.js/
  .exec(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts.start)![1]
  .split(/\s+/)
  .filter(Boolean);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the benchmarks read a few fields of several answers
export type Answer = any;

export async function api(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function waitForJob(base: string, token: string, id: string): Promise<void> {
  for (;;) {
    const run = await api(base, token, 'GET', `/jobs/${id}`);
    if (run.status === 'completed') return;
    if (run.status === 'failed') throw new Error(`job ${run.name} failed: ${run.error}`);
    await sleep(500);
  }
}
