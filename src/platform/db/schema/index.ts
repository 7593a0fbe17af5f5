export * from './org';
export * from './auth';
export * from './jobs';
export * from './ingest';
export * from './forecast';
