import { workerData } from 'node:worker_threads';
import type { CompiledRoster } from './compiled-roster';
import { integerCoverBound } from './integer-cover-bound';
import { highsRuntime } from './linear-program';
import { coverBoundCells, type CoverBoundRequest } from './cover-bound-thread';

/** The integer cover bound on a thread of its own: each proven bound goes into the shared cells. */
const request = workerData as CoverBoundRequest;
const cells = coverBoundCells(request.shared);
void highsRuntime().then((highs) => {
  if (cells.stopped()) return;
  integerCoverBound(highs, request.model as CompiledRoster, {
    seconds: request.seconds,
    shouldStop: cells.stopped,
    onBound: cells.write,
  });
});
