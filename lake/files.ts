// Durable file primitives: nothing the store acknowledges may live only in the page cache.
import {open, rename, unlink} from 'node:fs/promises'
import {dirname} from 'node:path'

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
export async function writeFileAtomic(file: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`
  const handle = await open(temp, 'w')
  try {
    let buffer = ''
    for (const chunk of chunks) {
      buffer += chunk
      if (buffer.length > 1 << 20) {
        await handle.write(buffer)
        buffer = ''
      }
    }
    if (buffer) await handle.write(buffer)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  await rename(temp, file)
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
