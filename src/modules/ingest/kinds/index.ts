import { agentStateKind } from './agent-state-rows';
import type { ImportKind, ImportKindName } from './import-kind';
import { orderKind } from './order-rows';
import { queueKind } from './queue-rows';
import { ratingKind } from './rating-rows';
import { sessionKind } from './session-rows';
import { volumeKind } from './volume-rows';

export const importKinds: Record<ImportKindName, ImportKind<unknown>> = {
  queues: queueKind as ImportKind<unknown>,
  volume: volumeKind as ImportKind<unknown>,
  sessions: sessionKind as ImportKind<unknown>,
  orders: orderKind as ImportKind<unknown>,
  ratings: ratingKind as ImportKind<unknown>,
  'agent-states': agentStateKind as ImportKind<unknown>,
};
