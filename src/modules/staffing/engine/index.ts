/** The staffing engine's public surface: pure functions, data in, data out. */
export * from './staffing-types';
export { erlangB, requiredServersForBlocking } from './erlang-b';
export { erlangC } from './erlang-c';
export { erlangA } from './erlang-a';
export { offeredLoad, projectedService, queueModelOf } from './projected-service';
export { meetsTarget, requiredAgents } from './required-agents';
export * from './chat-concurrency';
export * from './shrinkage';
export * from './deferred-work';
export * from './deferred-lateness';
export * from './slot-staffing';
export * from './slowdown-fit';
