// Starts a TypeScript worker thread under tsx: on Node 20 a worker does not inherit the loader its
// parent was started with, so it registers tsx itself, then imports the worker's own module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
