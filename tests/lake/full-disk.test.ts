// A disk that fills up or fails, played through the store's fault-injection hook: a write is
// acknowledged only when every byte of it is on disk, a refused one leaves the log as it was, and
// the server keeps answering reads.
import {statSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {FileFaults} from '../../lake/files.ts'
import {startLakeServer} from '../../lake/server.ts'
import {Store} from '../../lake/store.ts'
import {clientFor, tempDir} from './helpers.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), {code})

/** A disk with `free` bytes left: writes past it are short, then fail with ENOSPC. */
function smallDisk(free: number): FileFaults & {free: number} {
  const disk = {
    free,
    write(_file: string, length: number) {
      if (disk.free <= 0) throw errno('ENOSPC')
      const taken = Math.min(length, disk.free)
      disk.free -= taken
      return taken
    },
  }
  return disk
}

async function lakeWith(faults: FileFaults, compactAfterBytes?: number) {
  const {dir, remove} = tempDir()
  const server = await startLakeServer({
    port: 0,
    dir,
    datasets: ['production'],
    store: {faults, compactAfterBytes},
  })
  let closed = false
  const close = async () => {
    if (!closed) await server.close()
    closed = true
  }
  cleanups.push(remove, close)
  return {server, dir, client: clientFor(server), close, file: join(dir, 'production.ndjson')}
}

type Failure = {statusCode: number; response: {body: {error: {type: string; description: string}}}}

describe('the lake on a disk that fills up', () => {
  it('answers 503 in Sanity shape for writes the disk refuses, keeps serving reads, and loses no acknowledged write', async () => {
    const disk = smallDisk(9_000)
    // A small compaction threshold, so compactions also meet the full disk.
    const lake = await lakeWith(disk, 2_000)
    const acknowledged: string[] = []
    const refused: Failure[] = []
    for (let i = 0; i < 60; i++) {
      const id = `note-${i}`
      try {
        await lake.client.create({_id: id, _type: 'note', n: i, text: 'x'.repeat(100)})
        acknowledged.push(id)
      } catch (error) {
        refused.push(error as Failure)
      }
    }
    expect(acknowledged.length).toBeGreaterThan(5)
    expect(refused.length).toBeGreaterThan(5)
    for (const failure of refused) {
      expect(failure.statusCode).toBe(503)
      expect(failure.response.body.error.type).toBe('storageError')
    }
    expect(await lake.client.fetch('*[_type == "note"] | order(n)._id')).toEqual(acknowledged)
    await lake.close()
    const reopened = await Store.open(lake.file)
    expect([...reopened.documents()].map((doc) => doc._id).sort()).toEqual([...acknowledged].sort())
  })

  it('completes short writes instead of acknowledging part of a transaction', async () => {
    // Every write(2) takes at most 7 bytes: the old code acknowledged the first 7 and lost the rest.
    const lake = await lakeWith({write: (_file, length) => Math.min(length, 7)})
    for (let i = 0; i < 5; i++)
      await lake.client.create({_id: `note-${i}`, _type: 'note', text: 'y'.repeat(300)})
    const reopened = await Store.open(lake.file)
    expect(reopened.size).toBe(5)
    expect(reopened.get('note-4')).toMatchObject({text: 'y'.repeat(300)})
  })

  it('fails a transaction whose fsync fails, leaving the log byte for byte as it was', async () => {
    let failNextSync = false
    const lake = await lakeWith({
      sync: () => {
        if (failNextSync) {
          failNextSync = false
          throw errno('EIO')
        }
      },
    })
    await lake.client.create({_id: 'note-kept', _type: 'note'})
    const before = statSync(`${lake.file}.log`).size
    failNextSync = true
    await expect(lake.client.create({_id: 'note-lost', _type: 'note'})).rejects.toMatchObject({
      statusCode: 503,
    })
    expect(statSync(`${lake.file}.log`).size).toBe(before)
    expect(await lake.client.getDocument('note-lost')).toBeUndefined()
    await lake.client.create({_id: 'note-after', _type: 'note'})
    const reopened = await Store.open(lake.file)
    expect([...reopened.documents()].map((doc) => doc._id).sort()).toEqual([
      'note-after',
      'note-kept',
    ])
  })
})

describe('compactions the disk interrupts', () => {
  it('keeps every transaction when compactions stop after the snapshot rename, or before it, one after another', async () => {
    const {dir, remove} = tempDir()
    cleanups.push(remove)
    const file = join(dir, 'production.ndjson')
    let failing: 'new log' | 'snapshot rename' | null = null
    const store = await Store.open(file, {
      faults: {
        // The new log's temp file: the snapshot is already renamed into place when this fails.
        sync: (path) => {
          if (failing === 'new log' && path.startsWith(`${file}.log.`)) throw errno('ENOSPC')
        },
        rename: (_from, to) => {
          if (failing === 'snapshot rename' && to === file) throw errno('EIO')
        },
      },
    })
    for (let i = 0; i < 3; i++) await store.commit([{create: {_id: `note-${i}`, _type: 'note'}}])
    failing = 'new log'
    await expect(store.compact()).rejects.toMatchObject({code: 'ENOSPC'})
    await store.commit([{create: {_id: 'note-3', _type: 'note'}}])
    failing = 'snapshot rename'
    await expect(store.compact()).rejects.toMatchObject({code: 'EIO'})
    await store.commit([{create: {_id: 'note-4', _type: 'note'}}])
    failing = null
    const reopened = await Store.open(file)
    expect([...reopened.documents()].map((doc) => doc._id).sort()).toEqual([
      'note-0',
      'note-1',
      'note-2',
      'note-3',
      'note-4',
    ])
    await store.close()
    expect((await Store.open(file)).size).toBe(5)
  })
})
