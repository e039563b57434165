// The transaction log beside a dataset file: a header line naming this log's generation, a line
// describing the snapshot it continues (a CRC32 of each of its lines), then one line per committed
// transaction holding the documents it changed (their whole new versions, so replaying a line twice
// is harmless). Every line after the header carries the CRC32 of its JSON: a line counts only once
// it is whole and its checksum matches. A bad last line is a torn write (cut by the next writer); a
// bad line with good ones after it is damage, and the dataset refuses to open rather than guess.
import {open, stat} from 'node:fs/promises'
import {crc32} from 'node:zlib'
import type {Mutation, SanityDocument} from './types.ts'

export interface LogHeader {
  lake: 'transaction-log'
  /** 1: lines without checksums (still read); 2: checksummed lines. */
  version: 1 | 2
  /** Changes whenever the log is replaced (compaction), so readers know to reload. */
  generation: string
}

export interface LogEntry {
  transactionId: string
  timestamp: string
  identity: string
  changes: {id: string; after: SanityDocument | null; mutations: Mutation[]}[]
}

/** The CRC32 of every line of a snapshot file, so a changed byte there is found and named too. */
export interface SnapshotManifest {
  lines: number
  /** Base64 of 4 bytes (big-endian CRC32) per line. */
  crc: string
}

export interface LogTail {
  entries: LogEntry[]
  /** Byte offset just past the last whole, valid line. */
  end: number
  /** Lines read up to `end` (the header is line 1). */
  lines: number
  /** True when bytes after `end` are a torn (unfinished) write. */
  torn: boolean
  /** The snapshot this log continues (line 2 of a version 2 log). */
  snapshot?: SnapshotManifest
  /** The header's format version (when the header was read). */
  version?: 1 | 2
  /** Ids of the latest transactions folded into the snapshot (so none of them is used again). */
  transactions?: string[]
  /** Offset just past the header and snapshot manifest: where transactions start. */
  baseEnd?: number
  /**
   * Snapshots compactions announced to replace this log's (each may have been renamed into place
   * before a crash or a full disk stopped the new log): any of them is a valid snapshot for it.
   */
  compacting: SnapshotManifest[]
}

/** A damaged dataset file: refuse to open it, naming where, so nothing is lost by guessing. */
export class DatasetDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`)
    this.name = 'DatasetDamagedError'
  }
}

export function headerLine(generation: string): string {
  const header: LogHeader = {lake: 'transaction-log', version: 2, generation}
  return `${JSON.stringify(header)}\n`
}

/** One checksummed line: 8 hex digits of the CRC32 of the JSON, a space, the JSON. */
export function recordLine(value: unknown): string {
  const json = JSON.stringify(value)
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`
}

const CHECKSUMMED = /^[0-9a-f]{8} /

/** The value of one line, or undefined when it is not whole and intact. */
function decodeLine(line: string, legacy: boolean): unknown {
  try {
    if (CHECKSUMMED.test(line)) {
      const json = line.slice(9)
      return crc32(json) === parseInt(line.slice(0, 8), 16) ? JSON.parse(json) : undefined
    }
    return legacy ? JSON.parse(line) : undefined
  } catch {
    return undefined
  }
}

/** The value of one checksummed line, or undefined when it is torn or damaged. */
export function decodeRecord(line: string): unknown {
  return decodeLine(line, false)
}

/** Builds a snapshot manifest line by line. */
export class ManifestBuilder {
  private readonly sums: number[] = []
  add(line: string): void {
    this.sums.push(crc32(line))
  }
  get count(): number {
    return this.sums.length
  }
  sumAt(index: number): number | undefined {
    return this.sums[index]
  }
  finish(): SnapshotManifest {
    const bytes = Buffer.alloc(this.sums.length * 4)
    this.sums.forEach((sum, i) => bytes.writeUInt32BE(sum, i * 4))
    return {lines: this.sums.length, crc: bytes.toString('base64')}
  }
}

/** The first line (1-based) where a snapshot differs from a manifest, or 0 when it matches. */
export function firstMismatch(actual: ManifestBuilder, manifest: SnapshotManifest): number {
  const expected = Buffer.from(manifest.crc, 'base64')
  const lines = Math.max(actual.count, manifest.lines)
  for (let i = 0; i < lines; i++) {
    if (i * 4 + 4 > expected.length || actual.sumAt(i) !== expected.readUInt32BE(i * 4))
      return i + 1
  }
  return 0
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
    return header.lake === 'transaction-log' && typeof header.generation === 'string'
      ? header.generation
      : null
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

async function readFrom(file: string, from: number): Promise<Buffer | null> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const {size} = await handle.stat()
    const bytes = Buffer.alloc(Math.max(0, size - from))
    let read = 0
    while (read < bytes.length) {
      const {bytesRead} = await handle.read(bytes, read, bytes.length - read, from + read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    return bytes.subarray(0, read)
  } finally {
    await handle.close()
  }
}

/**
 * Reads whole entries from byte `from` on (0 reads the header too); `line` is the line number at
 * `from`, `legacy` says the log is version 1 (lines without checksums).
 */
export async function readLogTail(
  file: string,
  from: number,
  line = 1,
  legacy = false,
): Promise<LogTail> {
  const bytes = await readFrom(file, from)
  const tail: LogTail = {entries: [], end: from, lines: line - 1, torn: false, compacting: []}
  if (!bytes) return tail
  let position = 0
  while (position < bytes.length) {
    const newline = bytes.indexOf(10, position)
    if (newline < 0) break
    const text = bytes.subarray(position, newline).toString('utf8')
    const lineNumber = tail.lines + 1
    let value: unknown
    if (from === 0 && position === 0) {
      try {
        const header = JSON.parse(text) as Partial<LogHeader>
        if (header.lake === 'transaction-log') {
          legacy = header.version === 1
          tail.version = header.version === 1 ? 1 : 2
          tail.baseEnd = newline + 1
          value = header
        }
      } catch {
        // handled below as a bad line
      }
    } else {
      value = decodeLine(text, legacy)
    }
    const record = value as Record<string, unknown> | undefined
    const known =
      record &&
      (lineNumber === 1 ||
        (typeof record.transactionId === 'string' && Array.isArray(record.changes)) ||
        'snapshot' in record ||
        'compacting' in record)
    if (!known) {
      // The last line may be a write cut short by a crash; anything after a bad line means damage.
      if (newline + 1 >= bytes.length) break
      throw new DatasetDamagedError(
        file,
        lineNumber,
        `this transaction-log line is damaged (its checksum does not match) and ${bytes.length - newline - 1} bytes of later transactions follow it. ` +
          `Nothing was changed or truncated. To recover, restore the file from a backup; or delete line ${lineNumber} ` +
          `(that transaction is lost, every later one is kept) and start again.`,
      )
    }
    if (lineNumber > 1) {
      if ('snapshot' in record) {
        tail.snapshot = record.snapshot as SnapshotManifest
        tail.transactions = Array.isArray(record.transactions)
          ? record.transactions.filter((id): id is string => typeof id === 'string')
          : []
        tail.baseEnd = from + newline + 1
      } else if ('compacting' in record) tail.compacting.push(record.compacting as SnapshotManifest)
      else tail.entries.push(record as unknown as LogEntry)
    }
    tail.lines = lineNumber
    position = newline + 1
  }
  tail.end = from + position
  tail.torn = position < bytes.length
  return tail
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
