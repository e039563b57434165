// The transaction log beside a dataset file: a header line naming this log's generation, then one
// line per committed transaction holding the documents it changed (their whole new versions, so
// replaying a line twice is harmless). A line counts only once its newline is on disk.
import {open, stat} from 'node:fs/promises'
import type {Mutation, SanityDocument} from './types.ts'

export interface LogHeader {
  lake: 'transaction-log'
  version: 1
  /** Changes whenever the log is replaced (compaction), so readers know to reload. */
  generation: string
}

export interface LogEntry {
  transactionId: string
  timestamp: string
  identity: string
  changes: {id: string; after: SanityDocument | null; mutations: Mutation[]}[]
}

export interface LogTail {
  entries: LogEntry[]
  /** Byte offset just past the last whole, valid line. */
  end: number
  /** True when bytes after `end` are a torn (unfinished) write. */
  torn: boolean
}

export function headerLine(generation: string): string {
  const header: LogHeader = {lake: 'transaction-log', version: 1, generation}
  return `${JSON.stringify(header)}\n`
}

/** Reads the generation from the first line, or null when there is no log. */
export async function readGeneration(file: string): Promise<string | null> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const buffer = Buffer.alloc(512)
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    const text = buffer.subarray(0, bytesRead).toString('utf8')
    const newline = text.indexOf('\n')
    if (newline < 0) return null
    const header = JSON.parse(text.slice(0, newline)) as Partial<LogHeader>
    return header.lake === 'transaction-log' && typeof header.generation === 'string' ? header.generation : null
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

/** Reads whole entries from byte `from` on (from 0 skips the header). */
export async function readLogTail(file: string, from: number): Promise<LogTail> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {entries: [], end: from, torn: false}
    throw error
  }
  let bytes: Buffer
  try {
    const {size} = await handle.stat()
    bytes = Buffer.alloc(Math.max(0, size - from))
    let read = 0
    while (read < bytes.length) {
      const {bytesRead} = await handle.read(bytes, read, bytes.length - read, from + read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    bytes = bytes.subarray(0, read)
  } finally {
    await handle.close()
  }
  const entries: LogEntry[] = []
  let position = 0
  let first = from === 0
  while (position < bytes.length) {
    const newline = bytes.indexOf(10, position)
    if (newline < 0) break
    const line = bytes.subarray(position, newline).toString('utf8')
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      break // a torn write that happened to end in a newline cannot parse; nothing after it counts
    }
    if (first) {
      first = false
    } else {
      const entry = parsed as LogEntry
      if (typeof entry?.transactionId !== 'string' || !Array.isArray(entry.changes)) break
      entries.push(entry)
    }
    position = newline + 1
  }
  return {entries, end: from + position, torn: position < bytes.length}
}

export async function fileSize(file: string): Promise<{size: number; ino: number} | null> {
  try {
    const info = await stat(file)
    return {size: info.size, ino: info.ino}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
