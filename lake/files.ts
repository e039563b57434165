// Durable file primitives: nothing the store acknowledges may live only in the page cache, and no
// write counts until every one of its bytes has been taken by the disk.
import {open, rename, unlink, type FileHandle} from 'node:fs/promises'
import {dirname} from 'node:path'

/**
 * A fault-injection hook in the store's file layer (tests use it to play a full disk or a failing
 * disk; production passes none). Each hook may throw an errno-style error to fail the operation.
 */
export interface FileFaults {
  /** Before each write(2): how many of `length` bytes the disk takes (fewer is a short write). */
  write?(file: string, length: number): number
  /** Before each fsync. */
  sync?(file: string): void
  /** Before an atomic replace renames its temp file over `to`. */
  rename?(from: string, to: string): void
}

/** Errors that mean the disk refused to keep our bytes (as opposed to a bug). */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'EROFS', 'ENOMEM'])
export function isStorageFailure(error: unknown): error is NodeJS.ErrnoException {
  return (
    typeof (error as NodeJS.ErrnoException)?.code === 'string' &&
    STORAGE_CODES.has((error as NodeJS.ErrnoException).code!)
  )
}

/** Writes all of `data`, looping over short writes; a write that takes nothing is a full disk. */
export async function writeFully(
  handle: FileHandle,
  file: string,
  data: Buffer,
  position: number | null,
  faults?: FileFaults,
): Promise<void> {
  let done = 0
  while (done < data.length) {
    const wanted = data.length - done
    const allowed = faults?.write ? Math.min(wanted, faults.write(file, wanted)) : wanted
    const {bytesWritten} = await handle.write(
      data,
      done,
      allowed,
      position === null ? null : position + done,
    )
    if (bytesWritten <= 0)
      throw Object.assign(new Error(`ENOSPC: no space left on device, write ${file}`), {
        code: 'ENOSPC',
      })
    done += bytesWritten
  }
}

export async function syncFully(
  handle: FileHandle,
  file: string,
  faults?: FileFaults,
): Promise<void> {
  faults?.sync?.(file)
  await handle.datasync()
}

/** Flushes a directory entry (a rename or a create) to disk; some platforms cannot, which is fine. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Directories cannot be opened for sync on every platform (Windows); the rename is still atomic.
  } finally {
    await handle?.close()
  }
}

/** Replaces `file` atomically: write a sibling, fsync it, rename it over, fsync the directory. */
export async function writeFileAtomic(
  file: string,
  chunks: Iterable<string>,
  faults?: FileFaults,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`
  const handle = await open(temp, 'w')
  try {
    let buffer = ''
    let position = 0
    const flush = async () => {
      const bytes = Buffer.from(buffer)
      await writeFully(handle, temp, bytes, position, faults)
      position += bytes.length
      buffer = ''
    }
    for (const chunk of chunks) {
      buffer += chunk
      if (buffer.length > 1 << 20) await flush()
    }
    if (buffer) await flush()
    await syncFully(handle, temp, faults)
    await beforeRename?.()
  } catch (error) {
    await handle.close()
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  try {
    faults?.rename?.(temp, file)
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncDirectory(dirname(file))
}

/** True when the process exists (signal 0 checks without signalling). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
