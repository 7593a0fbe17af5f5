import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The worker `<dir>/<name>.worker`: the compiled `.js` in built code; from TypeScript sources (tests,
 * development) the `.ts` file loaded through tsx, which suits workers of plain TypeScript without
 * decorators (the roster solver's).
 */
export function sourceWorker(dir: string, name: string, workerData: unknown): Worker {
  const compiled = __filename.endsWith('.js');
  const file = join(dir, `${name}.worker.${compiled ? 'js' : 'ts'}`);
  return compiled
    ? new Worker(file, { workerData })
    : new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData });
}
