// A cross-process write lock on one dataset: a lock file created with link(2), which is atomic even on
// filesystems where O_EXCL is not, holding the owner's pid so a crashed owner's lock can be broken.
import {hostname} from 'node:os'
import {link, readdir, readFile, rename, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {processIsAlive} from './files.ts'

export interface LockOptions {
  /** Give up after this long (ms). */
  timeout?: number
}

interface LockOwner {
  pid: number
  host: string
  token: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : null
  } catch {
    return null
  }
}

/** A lock whose owner is gone: a dead pid on this host (locks from other hosts are never broken). */
function isStale(owner: LockOwner | null): boolean {
  return owner !== null && owner.host === hostname() && !processIsAlive(owner.pid)
}

/**
 * Breaks a stale lock without racing another breaker: rename it aside (only one renamer wins), then
 * check that what was moved is still the stale owner; if a live owner's lock was moved, put it back.
 */
async function breakStaleLock(file: string, seen: LockOwner): Promise<void> {
  const aside = `${file}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`
  try {
    await rename(file, aside)
  } catch {
    return
  }
  const moved = await readOwner(aside)
  if (moved && moved.token !== seen.token && !isStale(moved)) {
    await link(aside, file).catch(() => {})
  }
  await unlink(aside).catch(() => {})
  await removeDeadCandidates(file)
}

/** A writer killed while taking the lock leaves its candidate file (`<lock>.<pid>.<token>`) behind. */
async function removeDeadCandidates(file: string): Promise<void> {
  const prefix = `${basename(file)}.`
  const names = await readdir(dirname(file)).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('.')[0])
    if (Number.isInteger(pid) && pid > 0 && !processIsAlive(pid))
      await unlink(join(dirname(file), name)).catch(() => {})
  }
}

/** Holds `file` for the duration of `work`; waits (polling) while another live process holds it. */
export async function withFileLock<T>(
  file: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const timeout = options.timeout ?? 30_000
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: Math.random().toString(36).slice(2),
  }
  const candidate = `${file}.${process.pid}.${owner.token}`
  await writeFile(candidate, JSON.stringify(owner))
  const started = Date.now()
  let wait = 2
  try {
    for (;;) {
      try {
        await link(candidate, file)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const current = await readOwner(file)
      if (current && isStale(current)) {
        await breakStaleLock(file, current)
        continue
      }
      if (Date.now() - started > timeout) {
        throw new Error(
          `Timed out after ${timeout} ms waiting for the lock ${file} (held by pid ${current?.pid ?? 'unknown'})`,
        )
      }
      await sleep(wait)
      wait = Math.min(wait * 2, 50)
    }
  } finally {
    await unlink(candidate).catch(() => {})
  }
  try {
    return await work()
  } finally {
    const current = await readOwner(file)
    if (current?.token === owner.token) await unlink(file).catch(() => {})
  }
}
