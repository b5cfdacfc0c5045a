import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { LocalizedText } from "../../domain/definition/schema";
import { isUserError } from "../../domain/errors";
import { localize, msg } from "../../domain/messages";
import { normalizeRequest, resultsKey, type RoundIndexRequest } from "../../domain/indices/round-options";
import { computeRoundIndices, type RoundIndices } from "./indices.server";

/**
 * Computing a round's indices in the background, one job per round and options per process, so a page never
 * waits blank on a large round: it shows the job's progress and refreshes itself until the result is cached.
 * See docs/decisions/013-results-pages-and-charts.md.
 */

/** A round with at most this many submitted responses is computed while the request waits (well under a second). */
export const WAIT_FOR_ROUNDS_UP_TO = 5000;
/** Even a small round stops holding the request after this long and shows its progress instead. */
const MAX_WAIT_MS = 20_000;
/** How long a page waits to learn whether the result is cached or must be computed (longer on a busy SQLite server). */
const MAX_WAIT_TO_KNOW_MS = 1500;
/** A finished job stays visible this long, so a page polling its progress learns that it is ready. */
const KEEP_FINISHED_MS = 2 * 60_000;

type JobState = "starting" | "computing" | "done" | "failed";

interface Job {
  state: JobState;
  done: number;
  /** Submitted responses to read; null until counted (or when the result came from the cache). */
  total: number | null;
  startedAt: string;
  error: unknown;
  result: Promise<RoundIndices>;
  /** Settles when the job has finished, either way (never rejects). */
  settled: Promise<void>;
  /** Resolves when the job knows how much it has to read, or has finished. */
  known: Promise<void>;
}

export type ResultsProgress =
  | { state: "ready" }
  | { state: "computing"; done: number; total: number | null; percent: number | null; startedAt: string }
  | { state: "failed"; message: LocalizedText };

export type RoundResults = { state: "ready"; indices: RoundIndices } | Extract<ResultsProgress, { state: "computing" }>;

/** Jobs per database handle (one in the app; tests open several), then per round and options. */
const jobsByDb = new WeakMap<Kysely<Database>, Map<string, Job>>();
function jobsOf(db: Kysely<Database>): Map<string, Job> {
  let jobs = jobsByDb.get(db);
  if (!jobs) jobsByDb.set(db, (jobs = new Map()));
  return jobs;
}

function isRunning(job: Job | undefined): job is Job {
  return job !== undefined && (job.state === "starting" || job.state === "computing");
}

/** The running job for these options, or a new one (a finished job is never reused: the cache decides freshness). */
function startOrJoin(db: Kysely<Database>, request: RoundIndexRequest): Job {
  const req = normalizeRequest(request);
  const key = resultsKey(req);
  const jobs = jobsOf(db);
  const running = jobs.get(key);
  if (isRunning(running)) return running;

  let signal!: () => void;
  const known = new Promise<void>((resolve) => (signal = resolve));
  const job = { state: "starting", done: 0, total: null, startedAt: new Date().toISOString(), error: null, known } as unknown as Job;
  job.result = computeRoundIndices(db, req, (done, total) => {
    job.state = "computing";
    job.done = done;
    job.total = total;
    signal();
  });
  const finish = (state: JobState, error: unknown = null) => {
    job.state = state;
    job.error = error;
    signal();
    setTimeout(() => {
      if (jobs.get(key) === job) jobs.delete(key);
    }, KEEP_FINISHED_MS).unref();
  };
  job.settled = job.result.then(
    () => finish("done"),
    (e: unknown) => {
      if (!isUserError(e)) console.error(`results: computing ${key} failed:`, e);
      finish("failed", e);
    }
  );
  jobs.set(key, job);
  return job;
}

function progressOf(job: Job): Extract<ResultsProgress, { state: "computing" }> {
  const percent = job.total ? Math.min(99, Math.floor((100 * job.done) / job.total)) : job.total === 0 ? 0 : null;
  return { state: "computing", done: job.done, total: job.total, percent, startedAt: job.startedAt };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * A round's indices when they are cached or quick to make; otherwise the progress of the background job that
 * makes them. Rounds of up to `waitUpTo` responses are computed while the caller waits; larger ones return
 * their progress at once (the page then refreshes). Errors of the computation (a UserError for a bad grouping)
 * are thrown.
 */
export async function getRoundResults(
  db: Kysely<Database>,
  request: RoundIndexRequest,
  opts: { waitUpTo?: number; maxWaitMs?: number; maxWaitToKnowMs?: number } = {}
): Promise<RoundResults> {
  const job = startOrJoin(db, request);
  await Promise.race([job.known, job.settled, sleep(opts.maxWaitToKnowMs ?? MAX_WAIT_TO_KNOW_MS)]);
  if (isRunning(job) && job.total !== null && job.total <= (opts.waitUpTo ?? WAIT_FOR_ROUNDS_UP_TO)) {
    await Promise.race([job.settled, sleep(opts.maxWaitMs ?? MAX_WAIT_MS)]);
  }
  // The state changes behind TypeScript's back (in the job's callbacks): read it through a function.
  const state = (j: Job): JobState => j.state;
  if (state(job) === "done") return { state: "ready", indices: await job.result };
  if (state(job) === "failed") throw job.error;
  return progressOf(job);
}

/**
 * How far the job for these options has got, for a page polling it. With no job known to this process (another
 * app server started it, or this one restarted) it starts one: the cache answers at once if it is fresh.
 */
export async function getResultsProgress(db: Kysely<Database>, request: RoundIndexRequest): Promise<ResultsProgress> {
  let job = jobsOf(db).get(resultsKey(request));
  if (!job) {
    job = startOrJoin(db, request);
    await Promise.race([job.known, job.settled]);
  }
  if (job.state === "done") return { state: "ready" };
  if (job.state === "failed") {
    const e = job.error;
    return { state: "failed", message: isUserError(e) ? (e.localized ?? { vi: e.message, en: e.message }) : localize(msg("results.failed")) };
  }
  return progressOf(job);
}
