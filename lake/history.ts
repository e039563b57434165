// A dataset's history: every committed transaction with the versions before and after of each
// document it changed. The transactions of the current log generation are held in memory (the
// store learns each `before` as it replays or commits them); compaction, which replaces the log,
// first appends them to `<dataset>.ndjson.history`, an append-only file of checksummed lines
// that nothing rewrites. So history costs nothing per commit and survives every compaction.
import {open, stat, truncate} from 'node:fs/promises'
import {syncFully, writeFully, type FileFaults} from './files.ts'
import {decodeRecord, recordLine} from './log.ts'
import type {Mutation, SanityDocument} from './types.ts'

export interface HistoryChange {
  id: string
  before: SanityDocument | null
  after: SanityDocument | null
  mutations: Mutation[]
}

export interface HistoryEntry {
  transactionId: string
  timestamp: string
  /** The user id of the editor whose token came with the transaction. */
  identity: string
  changes: HistoryChange[]
}

const isEntry = (value: unknown): value is HistoryEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as HistoryEntry).transactionId === 'string' &&
  typeof (value as HistoryEntry).timestamp === 'string' &&
  Array.isArray((value as HistoryEntry).changes)

export class History {
  readonly file: string
  private archived: HistoryEntry[] = []
  private archivedIds = new Set<string>()
  /** Bytes of the file read so far: just past its last whole, intact line. */
  private readBytes = 0
  private current: HistoryEntry[] = []

  constructor(datasetFile: string) {
    this.file = `${datasetFile}.history`
  }

  /** A transaction of the current log generation (committed here, or replayed from the log). */
  record(entry: HistoryEntry): void {
    this.current.push(entry)
  }

  /** The log was read afresh (or replaced): its transactions are recorded again from the start. */
  resetCurrent(): void {
    this.current = []
  }

  /** Every transaction, oldest first: the archive, then the current log's not archived yet. */
  async entries(): Promise<HistoryEntry[]> {
    await this.readArchive()
    return [
      ...this.archived,
      ...this.current.filter((entry) => !this.archivedIds.has(entry.transactionId)),
    ]
  }

  /**
   * Appends the current log's transactions to the archive and fsyncs it; called under the dataset
   * lock before a compaction replaces the log. A failed write is cut back, so the file never ends in
   * half a line; appending the same transactions again after a crash is harmless (read once).
   */
  async archive(faults?: FileFaults): Promise<void> {
    await this.readArchive()
    const pending = this.current.filter((entry) => !this.archivedIds.has(entry.transactionId))
    if (pending.length === 0) return
    const bytes = Buffer.from(pending.map(recordLine).join(''))
    const handle = await open(this.file, 'a')
    const start = this.readBytes
    try {
      // A torn line left by a crash would glue onto ours: cut it first.
      if ((await handle.stat()).size > start) await truncate(this.file, start)
      await writeFully(handle, this.file, bytes, null, faults)
      await syncFully(handle, this.file, faults)
    } catch (error) {
      await truncate(this.file, start).catch(() => {})
      throw error
    } finally {
      await handle.close()
    }
    this.readBytes = start + bytes.length
    for (const entry of pending) {
      this.archived.push(entry)
      this.archivedIds.add(entry.transactionId)
    }
  }

  /** Reads what was appended to the archive since the last look (another process may append). */
  private async readArchive(): Promise<void> {
    let size: number
    try {
      size = (await stat(this.file)).size
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    if (size < this.readBytes) {
      // Replaced or cut by hand: read it again from the start.
      this.archived = []
      this.archivedIds = new Set()
      this.readBytes = 0
    }
    if (size === this.readBytes) return
    const handle = await open(this.file, 'r')
    let bytes: Buffer
    try {
      bytes = Buffer.alloc(size - this.readBytes)
      await handle.read(bytes, 0, bytes.length, this.readBytes)
    } finally {
      await handle.close()
    }
    let position = 0
    while (position < bytes.length) {
      const newline = bytes.indexOf(10, position)
      if (newline < 0) break
      const value = decodeRecord(bytes.subarray(position, newline).toString('utf8'))
      // A damaged line loses that one transaction's history, never the dataset: it is skipped.
      if (isEntry(value) && !this.archivedIds.has(value.transactionId)) {
        this.archived.push(value)
        this.archivedIds.add(value.transactionId)
      }
      position = newline + 1
    }
    this.readBytes += position
  }
}
