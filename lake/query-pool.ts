// Runs a dataset's queries in worker threads, so that one slow query cannot stall the server:
// pings, documents, mutations and listeners stay on the main thread, and with two workers a
// second query is answered while a first one runs. A query past the time limit is answered with
// an error and its worker ended (and replaced when next needed). Answers are those of the same
// QueryEngine the store uses in-process: each worker holds a copy of the documents, sent whole
// when it starts and then commit by commit, in order, so a query sees every commit before it.
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {LakeError} from './errors.ts'
import type {ViewKind} from './perspective.ts'
import type {QueryResult} from './query.ts'
import type {Store} from './store.ts'
import type {WorkerAnswer, WorkerRequest} from './query-worker.ts'

export interface QueryPoolOptions {
  /** Worker threads per dataset (default 2, at most the number of cores). */
  workers?: number
  /** Time limit per query in ms (default 60 s, as on Sanity). */
  timeoutMs?: number
}

export const DEFAULT_QUERY_TIMEOUT_MS = 60_000
const WORKER_ENTRY = new URL('./query-worker.mjs', import.meta.url)

interface Pending {
  message: Extract<WorkerRequest, {type: 'query'}>
  resolve: (answer: QueryResult<string>) => void
  reject: (error: unknown) => void
  timer: NodeJS.Timeout
}

interface PoolWorker {
  worker: Worker
  pending: Map<number, Pending>
}

export function queryTimeout(ms: number): LakeError {
  return new LakeError(408, {
    description: `The query ran past the time limit of ${ms / 1000} s and was stopped (raise it with --query-timeout)`,
    type: 'queryTimeoutError',
  })
}

export class QueryPool {
  private readonly workers: PoolWorker[] = []
  private readonly size: number
  private readonly timeoutMs: number
  private readonly unsubscribe: () => void
  private nextId = 1
  private closed = false

  constructor(
    private readonly store: Store,
    options: QueryPoolOptions = {},
  ) {
    this.size = Math.max(1, Math.min(options.workers ?? 2, availableParallelism()))
    this.timeoutMs = options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS
    this.unsubscribe = store.subscribe((event) => {
      const message: WorkerRequest = {
        type: 'changes',
        changes: event.changes.map(({id, after}) => ({id, after})),
      }
      for (const {worker} of this.workers) worker.postMessage(message)
    })
  }

  /** Evaluates `query` in a worker; the result comes back as JSON text, ready to send. */
  fetch(
    query: string,
    params: Record<string, unknown>,
    view: ViewKind,
  ): Promise<QueryResult<string>> {
    if (this.closed) return Promise.reject(new Error('The query pool is closed'))
    const message: Pending['message'] = {type: 'query', id: this.nextId++, query, params, view}
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.expire(message.id), this.timeoutMs)
      this.dispatch({message, resolve, reject, timer})
    })
  }

  async close(): Promise<void> {
    this.closed = true
    this.unsubscribe()
    const all = this.workers.splice(0)
    for (const entry of all) this.failAll(entry, new Error('The server is closing'))
    await Promise.all(all.map(({worker}) => worker.terminate()))
  }

  private dispatch(pending: Pending): void {
    const idle = this.workers.find((entry) => entry.pending.size === 0)
    const entry = idle ?? (this.workers.length < this.size ? this.spawn() : this.leastBusy())
    entry.pending.set(pending.message.id, pending)
    entry.worker.postMessage(pending.message)
  }

  private leastBusy(): PoolWorker {
    return this.workers.reduce((best, entry) =>
      entry.pending.size < best.pending.size ? entry : best,
    )
  }

  private spawn(): PoolWorker {
    const worker = new Worker(WORKER_ENTRY, {execArgv: []})
    const entry: PoolWorker = {worker, pending: new Map()}
    worker.postMessage({type: 'load', docs: [...this.store.documents()]} satisfies WorkerRequest)
    worker.on('message', (answer: WorkerAnswer) => {
      const pending = entry.pending.get(answer.id)
      if (!pending) return
      entry.pending.delete(answer.id)
      clearTimeout(pending.timer)
      if ('json' in answer) pending.resolve({result: answer.json, ms: answer.ms})
      else pending.reject(new LakeError(answer.status, answer.body))
    })
    const lost = (reason: string) => {
      this.remove(entry)
      this.failAll(entry, new Error(`A query worker stopped: ${reason}`))
    }
    worker.on('error', (error) => lost(error.message))
    worker.on('exit', (code) => lost(`exit code ${code}`))
    worker.unref()
    this.workers.push(entry)
    return entry
  }

  /** The time limit passed: answer with the timeout, end the worker, move its other queries on. */
  private expire(id: number): void {
    const entry = this.workers.find((candidate) => candidate.pending.has(id))
    if (!entry) return
    const expired = entry.pending.get(id)!
    entry.pending.delete(id)
    expired.reject(queryTimeout(this.timeoutMs))
    this.remove(entry)
    const waiting = [...entry.pending.values()]
    entry.pending.clear()
    void entry.worker.terminate()
    for (const pending of waiting) this.dispatch(pending)
  }

  private remove(entry: PoolWorker): void {
    const index = this.workers.indexOf(entry)
    if (index >= 0) this.workers.splice(index, 1)
  }

  private failAll(entry: PoolWorker, error: Error): void {
    for (const pending of entry.pending.values()) {
      clearTimeout(pending.timer)
      pending.reject(error)
    }
    entry.pending.clear()
  }
}
