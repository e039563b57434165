// One dataset: an NDJSON snapshot in Sanity's export format plus a transaction log, held in memory.
//
// Writes: under a cross-process lock, read what other processes appended to the log, run the
// transaction, append it to the log and fsync, and only then acknowledge. Compaction rewrites the
// snapshot (temp file, fsync, rename) and starts a new log generation. A crash at any point leaves
// the snapshot plus the whole lines of the log: exactly the acknowledged transactions, and perhaps
// the one being written when it happened if its line reached the disk whole.
import {createReadStream} from 'node:fs'
import {mkdir, open, truncate} from 'node:fs/promises'
import {dirname} from 'node:path'
import {isStorageFailure, syncFully, writeFileAtomic, writeFully, type FileFaults} from './files.ts'
import {withFileLock} from './lock.ts'
import {
  DatasetDamagedError,
  fileSize,
  firstMismatch,
  headerLine,
  ManifestBuilder,
  readGeneration,
  readLogTail,
  recordLine,
  type LogEntry,
  type LogTail,
  type SnapshotManifest,
} from './log.ts'
import {History} from './history.ts'
import {ReferenceIndex} from './references.ts'
import {badRequest, LakeError, storageError} from './errors.ts'
import {
  randomId,
  Transaction,
  type DocumentChange,
  type TransactionContext,
  type TransactionOutcome,
} from './transaction.ts'
import type {SanityDocument} from './types.ts'

export interface CommitOptions {
  transactionId?: string
  dryRun?: boolean
  /** Who made the change (listener events carry it). */
  identity?: string
  /** Resolves delete/patch by query; the store has no query language of its own. */
  select?: (query: string, params: Record<string, unknown>) => string[]
}

export interface CommitEvent {
  transactionId: string
  timestamp: string
  identity: string
  changes: DocumentChange[]
}

export interface StoreOptions {
  /** Lock wait limit (ms). */
  lockTimeout?: number
  /** Log size (bytes) past which a commit compacts; at least the snapshot size is allowed. */
  compactAfterBytes?: number
  /** Fault injection for the file layer (tests only). */
  faults?: FileFaults
}

const LOCAL_IDENTITY = 'p-local-editor'
/** Transaction ids a new log remembers from the ones it folds (older ones survive as documents' _rev). */
const REMEMBERED_TRANSACTIONS = 10_000

export class Store {
  readonly file: string
  readonly logFile: string
  readonly lockFile: string
  private readonly docs = new Map<string, SanityDocument>()
  /** Built on first need (a delete's integrity check): loading stays a parse and nothing more. */
  private references: ReferenceIndex | null = null
  private readonly listeners = new Set<(event: CommitEvent) => void>()
  private readonly options: Required<Omit<StoreOptions, 'faults'>>
  private readonly faults: FileFaults | undefined
  /** Where the log must be cut back to before anything else reads it: an append that failed. */
  private failedAppendAt: number | null = null
  private generation: string | null = null
  private logOffset = 0
  /** Lines of the log read so far (to name a damaged one). */
  private logLines = 0
  /** A version 1 log: lines without checksums. */
  private legacyLog = false
  /** Bytes of the log before its first transaction (header and snapshot manifest). */
  private logBaseBytes = 0
  private snapshotManifest: SnapshotManifest | null = null
  private logIno = -1
  private snapshotBytes = 0
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false
  /**
   * Transaction ids that may not be used again (a reused one could make a stale ifRevisionID
   * pass): every document's _rev, the log's transactions, and the latest ones compactions folded.
   */
  private usedTransactions = new Set<string>()
  private recentTransactions: string[] = []
  /** Set after the first load: later reloads tell listeners what changed. */
  private loaded = false
  /** Bumped on every change to the documents, so views built from them know when to rebuild. */
  version = 0
  /** Every committed transaction with each document's versions before and after (history.ts). */
  readonly history: History

  private constructor(file: string, options: StoreOptions) {
    this.file = file
    this.logFile = `${file}.log`
    this.lockFile = `${file}.lock`
    this.options = {
      lockTimeout: options.lockTimeout ?? 30_000,
      compactAfterBytes: options.compactAfterBytes ?? 8 << 20,
    }
    this.faults = options.faults
    this.history = new History(file)
  }

  /** Opens (or, when missing, starts empty) the dataset at `file`. */
  static async open(file: string, options: StoreOptions = {}): Promise<Store> {
    const store = new Store(file, options)
    await mkdir(dirname(file), {recursive: true})
    await store.reload()
    return store
  }

  get size(): number {
    return this.docs.size
  }

  get(id: string): SanityDocument | undefined {
    return this.docs.get(id)
  }

  /** Every document, drafts included (treat them as read-only: they are the store's own objects). */
  documents(): IterableIterator<SanityDocument> {
    return this.docs.values()
  }

  referrers(id: string): ReadonlySet<string> {
    return this.referenceIndex().referrers(id)
  }

  private referenceIndex(): ReferenceIndex {
    if (!this.references) {
      this.references = new ReferenceIndex()
      for (const doc of this.docs.values()) this.references.update(doc._id, doc)
    }
    return this.references
  }

  subscribe(listener: (event: CommitEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Picks up transactions other processes committed since we last looked. */
  refresh(): Promise<void> {
    return this.serial(() => this.refreshNow())
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work)
    this.queue = result.catch(() => {})
    return result
  }

  private async refreshNow(): Promise<void> {
    if (this.closed) return
    const info = await fileSize(this.logFile)
    if (!info) {
      if (this.generation !== null) await this.reload()
      return
    }
    if (info.ino === this.logIno && info.size === this.logOffset) return
    const generation = await readGeneration(this.logFile)
    if (generation !== this.generation || info.size < this.logOffset) {
      await this.reload()
      return
    }
    const tail = await readLogTail(this.logFile, this.logOffset, this.logLines + 1, this.legacyLog)
    this.logIno = info.ino
    for (const entry of tail.entries) this.applyEntry(entry)
    this.logOffset = tail.end
    this.logLines = tail.lines
  }

  /** Runs a list of mutations as one transaction; durable before it resolves (unless a dry run). */
  commit(mutations: unknown, options: CommitOptions = {}): Promise<TransactionOutcome> {
    return this.transact((transaction) => {
      if (!Array.isArray(mutations))
        throw badRequest('The request body must hold an array of mutations', 'validationError')
      mutations.forEach((mutation: unknown, index) => transaction.apply(mutation, index))
    }, options)
  }

  /**
   * Runs `build` against the latest committed state (another process's commits included) as one
   * transaction, all or nothing; durable before it resolves (unless a dry run).
   */
  transact(
    build: (transaction: Transaction) => void,
    options: CommitOptions = {},
  ): Promise<TransactionOutcome> {
    return this.serial(async () => {
      if (this.closed) throw new Error(`The dataset ${this.file} is closed`)
      if (options.dryRun) {
        await this.refreshNow()
        this.checkTransactionId(options.transactionId)
        return this.run(build, options)
      }
      return withFileLock(
        this.lockFile,
        async () => {
          await this.cutFailedAppend()
          await this.refreshNow()
          await this.dropTornTail()
          this.checkTransactionId(options.transactionId)
          const outcome = this.run(build, options)
          if (outcome.changes.length === 0) return outcome
          const entry: LogEntry = {
            transactionId: outcome.transactionId,
            timestamp: outcome.timestamp,
            identity: options.identity ?? LOCAL_IDENTITY,
            changes: outcome.changes.map(({id, after, mutations}) => ({id, after, mutations})),
          }
          await this.append(entry)
          this.applyChanges(outcome.changes, entry)
          if (this.logOffset > Math.max(this.options.compactAfterBytes, this.snapshotBytes)) {
            // The transaction is durable in the log already: a compaction that fails (a full disk,
            // a refused rename) waits for a later commit and must not turn it into an error, which
            // a client would take for "not committed" and retry.
            await this.compactLocked().catch(() => {})
          }
          return outcome
        },
        {timeout: this.options.lockTimeout},
      ).catch((error: unknown) => {
        throw isStorageFailure(error) ? storageError(this.logFile, error) : error
      })
    })
  }

  private checkTransactionId(id: string | undefined): void {
    if (id !== undefined && this.usedTransactions.has(id)) {
      throw new LakeError(409, {
        description: `The transaction ID "${id}" has already been used; each transaction needs a new one`,
        type: 'conflictError',
      })
    }
  }

  private remember(transactionId: string): void {
    this.usedTransactions.add(transactionId)
    this.recentTransactions.push(transactionId)
    if (this.recentTransactions.length > REMEMBERED_TRANSACTIONS * 2)
      this.recentTransactions = this.recentTransactions.slice(-REMEMBERED_TRANSACTIONS)
  }

  /** Folds the log into the snapshot so the NDJSON file alone is the whole dataset. */
  compact(): Promise<void> {
    return this.serial(() =>
      withFileLock(
        this.lockFile,
        async () => {
          await this.refreshNow()
          await this.compactLocked()
        },
        {timeout: this.options.lockTimeout},
      ),
    )
  }

  /** Compacts when the log holds anything, then stops accepting work. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.queue
    const info = await fileSize(this.logFile)
    if (info && info.size > this.logBaseBytes) {
      // On a full disk the log stays as it is: it holds every acknowledged transaction.
      await this.compact().catch((error: unknown) => {
        if (!isStorageFailure(error)) throw error
      })
    }
    this.closed = true
    this.listeners.clear()
  }

  private run(
    build: (transaction: Transaction) => void,
    options: CommitOptions,
  ): TransactionOutcome {
    const transaction = new Transaction(this.context(options))
    build(transaction)
    return transaction.finish()
  }

  private context(options: CommitOptions): TransactionContext {
    return {
      get: (id) => this.docs.get(id),
      select:
        options.select ??
        (() => {
          throw new Error('This store was given no query evaluator for mutations by query')
        }),
      referrers: (id) => this.referenceIndex().referrers(id),
      transactionId: options.transactionId ?? randomId(),
      timestamp: new Date().toISOString(),
    }
  }

  /**
   * Reads the snapshot and the log afresh. The log is read first: a compaction by another process
   * between the two reads then shows as a snapshot newer than the log's manifest, announced by the
   * log's `compacting` line, or (if it started after our read) as a mismatch, retried.
   */
  private async reload(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.reloadOnce()
        return
      } catch (error) {
        if (!(error instanceof DatasetDamagedError) || error.file !== this.file || attempt === 3)
          throw error
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt))
      }
    }
  }

  private async reloadOnce(): Promise<void> {
    const info = await fileSize(this.logFile)
    const generation = info ? await readGeneration(this.logFile) : null
    const tail: LogTail = info
      ? await readLogTail(this.logFile, 0)
      : {entries: [], end: 0, lines: 0, torn: false, compacting: []}
    const docs = new Map<string, SanityDocument>()
    const manifest = new ManifestBuilder()
    const add = (line: string) => {
      manifest.add(line)
      if (!line.trim()) return
      let doc: SanityDocument
      try {
        doc = JSON.parse(line) as SanityDocument
      } catch {
        throw new DatasetDamagedError(
          this.file,
          manifest.count,
          'is not a JSON document; the dataset file is damaged. Nothing was changed; restore it from a backup.',
        )
      }
      if (typeof doc?._id !== 'string')
        throw new DatasetDamagedError(
          this.file,
          manifest.count,
          'has no _id; the dataset file is damaged. Nothing was changed.',
        )
      docs.set(doc._id, doc)
    }
    // Streamed, so a dataset larger than the biggest string V8 allows still loads.
    let bytes = 0
    let carry = ''
    try {
      for await (const chunk of createReadStream(this.file, {
        encoding: 'utf8',
        highWaterMark: 1 << 20,
      })) {
        const text = carry + (chunk as string)
        bytes += Buffer.byteLength(chunk as string)
        const lines = text.split('\n')
        carry = lines.pop()!
        for (const line of lines) add(line)
      }
      if (carry) add(carry)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (tail.snapshot) {
      const bad = firstMismatch(manifest, tail.snapshot)
      if (bad && !tail.compacting.some((announced) => firstMismatch(manifest, announced) === 0)) {
        throw new DatasetDamagedError(
          this.file,
          bad,
          `this line differs from what was written (its CRC32 does not match the one recorded in line 2 of ${this.logFile}). ` +
            `Nothing was changed. Restore the file from a backup; if you edited it on purpose, delete line 2 of ${this.logFile} to accept it as it is.`,
        )
      }
    }
    const previous = this.loaded ? new Map(this.docs) : null
    this.docs.clear()
    for (const [id, doc] of docs) this.docs.set(id, doc)
    this.references = null
    this.usedTransactions = new Set()
    this.recentTransactions = []
    for (const doc of docs.values())
      if (typeof doc._rev === 'string') this.usedTransactions.add(doc._rev)
    for (const id of tail.transactions ?? []) this.remember(id)
    this.snapshotBytes = bytes
    this.snapshotManifest = manifest.finish()
    this.generation = generation
    this.legacyLog = tail.version === 1
    this.logIno = info?.ino ?? -1
    this.history.resetCurrent()
    for (const entry of tail.entries) this.applyEntry(entry, false)
    this.logOffset = tail.end
    this.logLines = tail.lines
    this.logBaseBytes = tail.baseEnd ?? 0
    this.version++
    this.loaded = true
    if (previous) this.notifyDifferences(previous)
  }

  /**
   * After a reload (another process compacted), tells listeners what changed since the state they
   * last heard of: the folded transactions are gone from the log, so the documents' revisions
   * (one per transaction) are what is left to group them by.
   */
  private notifyDifferences(previous: Map<string, SanityDocument>): void {
    const byTransaction = new Map<string, DocumentChange[]>()
    const consider = (id: string) => {
      const before = previous.get(id) ?? null
      const after = this.docs.get(id) ?? null
      if (
        before === after ||
        (before && after && before._rev === after._rev && before._updatedAt === after._updatedAt)
      )
        return
      const key = after?._rev ?? ''
      let changes = byTransaction.get(key)
      if (!changes) byTransaction.set(key, (changes = []))
      changes.push({
        id,
        before,
        after,
        mutations: after ? [{createOrReplace: after}] : [{delete: {id}}],
      })
    }
    for (const id of previous.keys()) consider(id)
    for (const id of this.docs.keys()) if (!previous.has(id)) consider(id)
    const events = [...byTransaction].map(([rev, changes]) => ({
      transactionId: rev || randomId(),
      timestamp:
        changes.find((change) => change.after?._updatedAt)?.after?._updatedAt ??
        new Date().toISOString(),
      identity: LOCAL_IDENTITY,
      changes,
    }))
    events.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0))
    for (const event of events) this.notify(event)
  }

  /** A transaction found in the log (another process's, or ours before a reload). */
  private applyEntry(entry: LogEntry, notify = true): void {
    const changes: DocumentChange[] = entry.changes.map((change) => ({
      id: change.id,
      before: this.docs.get(change.id) ?? null,
      after: change.after,
      mutations: change.mutations,
    }))
    if (notify) return this.applyChanges(changes, entry)
    this.remember(entry.transactionId)
    this.recordHistory(changes, entry)
    for (const change of changes) this.setDocument(change.id, change.after)
  }

  private recordHistory(changes: DocumentChange[], entry: LogEntry): void {
    this.history.record({
      transactionId: entry.transactionId,
      timestamp: entry.timestamp,
      identity: entry.identity,
      changes: changes.map(({id, before, after, mutations}) => ({id, before, after, mutations})),
    })
  }

  private applyChanges(changes: DocumentChange[], entry: LogEntry): void {
    this.remember(entry.transactionId)
    this.recordHistory(changes, entry)
    for (const change of changes) this.setDocument(change.id, change.after)
    this.version++
    this.notify({
      transactionId: entry.transactionId,
      timestamp: entry.timestamp,
      identity: entry.identity,
      changes,
    })
  }

  private notify(event: CommitEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // A failing listener must not undo or block a committed transaction.
      }
    }
  }

  private setDocument(id: string, doc: SanityDocument | null): void {
    if (doc) this.docs.set(id, doc)
    else this.docs.delete(id)
    this.references?.update(id, doc)
  }

  /** Under the lock: cut off a line a crashed writer left half-written, so ours starts clean. */
  private async dropTornTail(): Promise<void> {
    const info = await fileSize(this.logFile)
    if (info && info.size > this.logOffset) await truncate(this.logFile, this.logOffset)
  }

  /**
   * Appends one transaction and fsyncs it. When any byte of it cannot be written or synced, the log
   * is cut back to where it was, so a failed transaction leaves no trace (and no half line).
   */
  private async append(entry: LogEntry): Promise<void> {
    if (this.generation === null)
      await this.startLog(this.snapshotManifest ?? new ManifestBuilder().finish())
    await this.appendLine(recordLine(entry))
  }

  private async appendLine(text: string): Promise<void> {
    const line = Buffer.from(text)
    const handle = await open(this.logFile, 'a')
    try {
      await writeFully(handle, this.logFile, line, null, this.faults)
      await syncFully(handle, this.logFile, this.faults)
      this.logOffset += line.length
      this.logLines++
    } catch (error) {
      this.failedAppendAt = this.logOffset
      await this.cutFailedAppend().catch(() => {})
      throw error
    } finally {
      await handle.close()
    }
  }

  /** Removes what a failed append left (retried under the lock before the next read of the log). */
  private async cutFailedAppend(): Promise<void> {
    if (this.failedAppendAt === null) return
    const info = await fileSize(this.logFile)
    if (info && info.size > this.failedAppendAt) {
      await truncate(this.logFile, this.failedAppendAt)
      const handle = await open(this.logFile, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    this.failedAppendAt = null
  }

  /** A new log generation continuing the snapshot `manifest` describes. */
  private async startLog(manifest: SnapshotManifest): Promise<void> {
    const generation = randomId()
    const header = headerLine(generation)
    const described = recordLine({
      snapshot: manifest,
      transactions: this.recentTransactions.slice(-REMEMBERED_TRANSACTIONS),
    })
    await writeFileAtomic(this.logFile, [header, described], this.faults)
    this.generation = generation
    this.legacyLog = false
    this.logOffset = this.logBaseBytes = Buffer.byteLength(header) + Buffer.byteLength(described)
    this.logLines = 2
    this.snapshotManifest = manifest
    this.logIno = (await fileSize(this.logFile))?.ino ?? -1
  }

  private async compactLocked(): Promise<void> {
    const ids = [...this.docs.keys()].sort()
    let bytes = 0
    const docs = this.docs
    const manifest = new ManifestBuilder()
    function* lines() {
      for (const id of ids) {
        const line = JSON.stringify(docs.get(id))
        manifest.add(line)
        bytes += Buffer.byteLength(line) + 1
        yield `${line}\n`
      }
    }
    const next = () => manifest.finish()
    // The log about to be replaced is the only record of its transactions' history: kept first.
    await this.history.archive(this.faults)
    // Announced in the old log before the rename, so a crash between the rename and the new log
    // leaves a snapshot the old log vouches for (replaying the old log onto it changes nothing).
    const announce =
      this.generation === null ? undefined : () => this.appendLine(recordLine({compacting: next()}))
    await writeFileAtomic(this.file, lines(), this.faults, announce)
    this.snapshotBytes = bytes
    this.snapshotManifest = next()
    await this.startLog(this.snapshotManifest)
    this.history.resetCurrent()
  }
}
