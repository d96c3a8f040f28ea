import type * as WorkerThreads from 'node:worker_threads';

/**
 * `node:worker_threads`, loaded when first needed: loading it takes 2-3 ms of every process start, and most runs (an
 * audit answered from the cache, a hook on a few staged files) start no thread.
 */
export function workerThreads(): typeof WorkerThreads {
  return (loaded ??= require('node:worker_threads') as typeof WorkerThreads);
}

let loaded: typeof WorkerThreads | undefined;

/** Audit workers are started with this argument (Worker's `argv`): a thread without it is no audit worker. */
export const AUDIT_WORKER_ARGUMENT = '--agent-guardrail-audit-worker';

/** Whether this thread was started with AUDIT_WORKER_ARGUMENT: loads nothing (the launcher asks before any flag is set). */
export function startedAsAuditWorker(): boolean {
  return process.argv.includes(AUDIT_WORKER_ARGUMENT);
}

/** Whether this thread is an audit worker; in the main thread of a run without the argument, loads nothing to say no. */
export function inAuditWorkerThread(): boolean {
  return startedAsAuditWorker() && !workerThreads().isMainThread;
}
