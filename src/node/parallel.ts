import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { cacheFiles, consultCache, diskSources, finishAudit, type AuditOptions, type AuditReport } from './audit';
import { discoverFiles, type DiscoveredFile } from './discover';
import { appendAll } from '../core/arrays';
import { fileKind } from '../core/files';
import { loadParsersFor } from './python-parser';
import { analyzeSource, diskSource, sizeOf, type SourceResult } from './source';
import { millisecondsNow } from './clock';
import { AUDIT_WORKER_ARGUMENT, inAuditWorkerThread, workerThreads } from './threads';

/**
 * How many threads an audit uses (`--concurrency`): `auto` decides from the tree and the machine, `off` keeps one
 * thread, a number asks for that many (the main thread and n - 1 workers).
 */
export type Concurrency = 'auto' | 'off' | number;

/** `auto`, `off` or a whole number of threads from 1; undefined for anything else. */
export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto' || value === 'off') return value;
  return /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : undefined;
}

/**
 * With `auto`, below this many files to analyse an audit stays on one thread. A worker runs everything cold (its own
 * TypeScript load and JIT warm-up, most of the cost of a parse in a fresh process): on the real agent repositories we
 * measure (145 to 8,000 files) a second thread added 1.5 to 2.5 s of CPU and made the audit slower in wall time too,
 * on a 2-core machine.
 */
const AUTO_THRESHOLD = 10_000;
/**
 * Nor does `auto` start workers on fewer cores than this. On two, one thread already keeps about 1.6 of them busy (V8
 * compiles and collects garbage beside it): on a 10,000-file tree a worker saved 15 % of the wall time for 40 % more
 * CPU and 110 MB more memory, over the 300 MB budget.
 */
const MIN_CORES_FOR_WORKERS = 3;
/** `auto` uses at most this many threads (each worker holds its own TypeScript and heap, about 100 MB). */
const AUTO_MAX_THREADS = 4;
const MAX_BATCH = 32;
const MIN_BATCH = 4;

/** Threads for `files` files to analyse on a machine with `cores` cores: 1 means no workers. */
export function threadsFor(files: number, cores: number, concurrency: Concurrency = 'auto'): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') return cores >= MIN_CORES_FOR_WORKERS && files >= AUTO_THRESHOLD ? Math.min(cores, AUTO_MAX_THREADS) : 1;
  // Asked for: as many as there are batches of the smallest size to go round, so that no worker starts for nothing.
  return Math.max(1, Math.min(concurrency, Math.floor(files / MIN_BATCH)));
}

export interface ParallelAuditOptions extends AuditOptions {
  /** How many threads (default `auto`). */
  concurrency?: Concurrency;
}

interface WorkerInput {
  agentGuardrailWorker: true;
  config: ResolvedConfig;
  now: string;
  forCache: boolean;
}

/**
 * `auditPaths` on several threads: the main thread and `threads - 1` workers pull batches of files from one
 * queue (so a few large files do not leave a thread idle); only per-file results come back, and the cross-file
 * step runs once on the main thread. How many threads: threadsFor (counting only files the cache has no result for).
 */
export async function auditPathsInParallel(root: string, targets: string[], config: ResolvedConfig, now: Date, ignoreBase: string, options: ParallelAuditOptions = {}): Promise<AuditReport> {
  const discovery = discoverFiles(root, targets, config.ignore, ignoreBase, cacheFiles(options));
  const started = millisecondsNow();
  const sources = diskSources(discovery.files);
  const { cached, pending, stamps } = consultCache(discovery.files, options.cache);
  const cores = availableParallelism();
  const threads = threadsFor(pending.length, cores, options.concurrency);
  const forCache = !!options.cache;
  const input: WorkerInput = { agentGuardrailWorker: true, config, now: now.toISOString(), forCache };
  const { code, python, other } = byKind(pending);
  let fresh: SourceResult[];
  if (threads > 1) {
    fresh = await analyzeInWorkers(pending, threads, input);
  } else if (helperWanted(python, other, config.maxFileSize, cores, options.concurrency)) {
    fresh = await analyzeWithHelper(code, python, other, input);
  } else {
    await loadParsersFor(pending.map((file) => file.path));
    fresh = pending.map((file) => analyzeSource(sources.get(file.path)!, config, now, forCache));
  }
  return finishAudit(root, { cached, fresh, stamps }, sources, config, discovery.notes, started, options.cache);
}

/** The files TypeScript parses (TS/JS), those the Python parser does (Python, notebooks), and all others. */
function byKind(files: DiscoveredFile[]): { code: DiscoveredFile[]; python: DiscoveredFile[]; other: DiscoveredFile[] } {
  const code: DiscoveredFile[] = [];
  const python: DiscoveredFile[] = [];
  const other: DiscoveredFile[] = [];
  for (const file of files) {
    const kind = fileKind(file.path);
    (kind === 'code' ? code : kind === 'python' || kind === 'notebook' ? python : other).push(file);
  }
  return { code, python, other };
}

/**
 * With `auto` on two cores or more, a tree with at least this much work that TypeScript does not parse (YAML, JSON,
 * Python, Markdown …: test cassettes, versioned docs, a Python package) gets one helper thread for it. The helper never
 * loads TypeScript, whose load and warm-up are what make a general worker cost more than it saves on two cores (see
 * AUTO_THRESHOLD). The work is counted in bytes, a Python byte as PYTHON_BYTE_COST of them. Measured on two cores:
 * pydantic-ai (90 MB of YAML and Python) 35 % faster, crewAI (280 MB, mostly MDX) 30 %, vercel/ai (31 MB of docs
 * beside 26 MB of code) 8 %, LlamaIndexTS (13 MB) 10 %; typescript-sdk (2 MB) was 4 % slower with one: below this
 * size the thread's start costs as much as it saves.
 */
const HELPER_MIN_BYTES = 8 * 1024 * 1024;
/**
 * What a byte of Python source weighs against one of YAML, JSON or text: the Python parse and its analysis run
 * at about 5 MB/s, the others at 40 to 90 MB/s (npm run bench, profile.mjs --phases on pydantic-ai). So a Python
 * package of 1 MB is as much work as 8 MB of cassettes, and gets the helper too.
 */
const PYTHON_BYTE_COST = 8;

/**
 * Whether the files TypeScript does not parse are worth a helper thread. Sizes discovery did not learn are asked
 * here (until the sum is reached) and kept, so that reading the file does not ask again.
 */
function helperWanted(python: DiscoveredFile[], other: DiscoveredFile[], maxFileSize: number, cores: number, concurrency: Concurrency = 'auto'): boolean {
  if (concurrency !== 'auto' || cores < 2) return false;
  let work = 0;
  const adds = (file: DiscoveredFile, cost: number): boolean => {
    file.size ??= sizeOf(file.absolutePath);
    // A file over the size limit is skipped unread: no work.
    return file.size <= maxFileSize && (work += file.size * cost) >= HELPER_MIN_BYTES;
  };
  // A notebook (in the Python list too) is mostly JSON and outputs: a byte counts as one.
  return python.some((file) => adds(file, fileKind(file.path) === 'python' ? PYTHON_BYTE_COST : 1)) || other.some((file) => adds(file, 1));
}

/**
 * Two threads split by the kind of work; only the main thread loads TypeScript. The helper takes batches of Python
 * files first, then of the other files TypeScript does not parse, then of TS/JS files: of those it analyses the ones
 * no syntax collector wants (most tests, types and utilities: a scan of the text) and gives the others back, which the
 * main thread takes before anything else. The main thread analyses TS/JS files from the same queue, then takes its
 * share of the other files, and last of the Python files still waiting (loading the Python parser only then: a tree
 * that is mostly Python is shared by both threads, one with a little Python is left to the helper). So the helper,
 * which used to stop once its own kinds were done, shares the TS/JS files the main thread has not reached (vercel/ai,
 * langfuse: 6-9 % off the audit; the order of the kinds before matters, Python and docs first is best).
 */
async function analyzeWithHelper(code: DiscoveredFile[], python: DiscoveredFile[], other: DiscoveredFile[], input: WorkerInput): Promise<SourceResult[]> {
  const takePython = batchTaker(python, 2);
  const takeOther = batchTaker(other, 2);
  const takeCode = batchTaker(code, 2);
  const results: SourceResult[] = [];
  const now = new Date(input.now);
  /** TS/JS files the helper gave back: they may need a parse. */
  const givenBack: DiscoveredFile[] = [];
  const codeFiles = new Map(code.map((file) => [file.path, file]));
  let helperDone = false;
  let wake: (() => void) | undefined;
  const helperBatch = (): WorkerBatch | undefined => {
    const batch = takePython() ?? takeOther();
    if (batch) return { files: batch, deferParsed: false };
    const code = takeCode();
    return code && { files: code, deferParsed: true };
  };
  const finished = runWorker(input, helperBatch, (batchResults) => {
    for (const result of batchResults) {
      if (result.deferred) givenBack.push(codeFiles.get(result.path)!);
      else results.push(result);
    }
    wake?.();
  }).finally(() => {
    helperDone = true;
    wake?.();
  });
  // The main thread yields often, so that the helper's results are taken in and it is fed again before it runs dry
  // (a batch of large YAML files can take the main thread a second).
  const pause = pauser();
  const analyze = async (file: DiscoveredFile) => {
    results.push(analyzeSource(diskSource(file), input.config, now, input.forCache));
    await pause();
  };
  for (;;) {
    const file = givenBack.pop();
    if (file) {
      await analyze(file);
      continue;
    }
    const batch = takeCode() ?? takeOther() ?? takePython();
    if (batch) {
      await loadParsersFor(batch.map((each) => each.path));
      for (const each of batch) await analyze(each);
      continue;
    }
    if (helperDone) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  await finished;
  return results;
}

/** Between files: lets the event loop run (worker messages) once PAUSE_EVERY_MS have passed since it last did. */
function pauser(): () => Promise<void> | undefined {
  let last = millisecondsNow();
  return () => {
    if (millisecondsNow() - last < PAUSE_EVERY_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = millisecondsNow();
        resolve();
      }),
    );
  };
}

const PAUSE_EVERY_MS = 10;

/** A batch of files for a worker; with `deferParsed`, files TypeScript may parse come back unanalysed (deferred). */
interface WorkerBatch {
  files: DiscoveredFile[];
  deferParsed: boolean;
}

/**
 * Start a worker and feed it batches from `take` until there are none, handing what it returns to `received`;
 * resolves once it has returned every batch and stopped. Two batches are in flight: the next one waits in the
 * worker's queue, so it does not sit idle while the main thread, busy with files of its own, has not yet seen its
 * result.
 */
function runWorker(input: WorkerInput, take: () => WorkerBatch | undefined, received: (results: SourceResult[]) => void): Promise<void> {
  const { Worker } = workerThreads();
  const worker = new Worker(workerEntry(), { argv: [AUDIT_WORKER_ARGUMENT], workerData: input, env: process.env, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
  return new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    const feed = () => {
      const batch = take();
      if (batch) {
        inFlight++;
        worker.postMessage(batch);
      } else if (!inFlight) {
        void worker.terminate().then(() => resolve());
      }
    };
    worker.on('message', (batchResults: SourceResult[]) => {
      inFlight--;
      received(batchResults);
      feed();
    });
    worker.on('error', reject);
    worker.once('online', () => {
      feed();
      feed();
    });
  });
}

/**
 * A worker's stack, sized so that V8 leaves it as much as the main thread has (984 KB, V8's default; Node keeps
 * 192 KB of a worker's stack in reserve). Hostile nesting that overflows the stack on one thread (a note, then the
 * line scan) must overflow it on every thread: with Node's default 4 MB a worker parsed a 10,000-deep JSON file that
 * the main thread reports as too deep, so the report depended on which thread took the file.
 */
const WORKER_STACK_MB = (984 + 192) / 1024;

async function analyzeInWorkers(files: DiscoveredFile[], threads: number, input: WorkerInput): Promise<SourceResult[]> {
  const take = batchTaker(files, threads);
  const results: SourceResult[] = [];
  const now = new Date(input.now);

  const takeBatch = (): WorkerBatch | undefined => {
    const files = take();
    return files && { files, deferParsed: false };
  };
  const finished = Array.from({ length: threads - 1 }, () => runWorker(input, takeBatch, (batchResults) => appendAll(results, batchResults)));
  // The main thread works through the same queue, yielding between batches so workers get fed.
  for (let batch = take(); batch; batch = take()) {
    await loadParsersFor(batch.map((file) => file.path));
    for (const file of batch) results.push(analyzeSource(diskSource(file), input.config, now, input.forCache));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(finished);
  return results;
}

/**
 * Batches that shrink as the queue drains (a share of what is left, between MIN_BATCH and MAX_BATCH files): large
 * batches keep messages few early on, small ones at the end keep a thread from finishing long after the others.
 */
function batchTaker(files: DiscoveredFile[], threads: number): () => DiscoveredFile[] | undefined {
  let next = 0;
  return () => {
    if (next >= files.length) return undefined;
    const size = Math.min(MAX_BATCH, Math.max(MIN_BATCH, Math.ceil((files.length - next) / (threads * 4))));
    const batch = files.slice(next, next + size);
    next += batch.length;
    return batch;
  };
}

/** Set by the esbuild bundles (test/tools/build.mjs). */
declare const AGENT_GUARDRAIL_BUNDLE: boolean | undefined;

/** Workers start from the CLI's launcher (dist/cli.js), which loads the bundle through the V8 code cache. */
function workerEntry(): string {
  return typeof AGENT_GUARDRAIL_BUNDLE !== 'undefined' && AGENT_GUARDRAIL_BUNDLE ? join(__dirname, 'cli.js') : __filename;
}

/** True when this thread is an audit worker started by auditPathsInParallel. */
export function isAuditWorker(): boolean {
  return inAuditWorkerThread() && (workerThreads().workerData as WorkerInput | undefined)?.agentGuardrailWorker === true;
}

/** The worker side: analyse each batch of files it is sent and post the results back. */
export function runAuditWorker(): void {
  const { workerData, parentPort } = workerThreads();
  const { config, now, forCache } = workerData as WorkerInput;
  const date = new Date(now);
  parentPort!.on('message', async ({ files, deferParsed }: WorkerBatch) => {
    await loadParsersFor(files.map((file) => file.path));
    parentPort!.postMessage(files.map((file) => analyzeSource(diskSource(file), config, date, forCache, deferParsed)));
  });
}
