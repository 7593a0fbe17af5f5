import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker of this folder (`<name>.worker.js` in built code; from TypeScript sources, in tests and
 * development, the `.ts` file loaded through tsx: the solver is plain TypeScript without decorators).
 */
export function solverThread(name: string, workerData: unknown): Worker {
  const compiled = __filename.endsWith('.js');
  const file = join(__dirname, `${name}.worker.${compiled ? 'js' : 'ts'}`);
  return compiled
    ? new Worker(file, { workerData })
    : new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData });
}
