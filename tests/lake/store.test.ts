// The store's promises about the file on disk: durable once acknowledged, readable after a crash at
// any moment, and serialized between processes writing the same dataset.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync, appendFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {Store} from '../../lake/store.ts'
import {tempDir} from './helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const writer = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url))
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function datasetFile(): string {
  const {dir, remove} = tempDir()
  cleanups.push(remove)
  return join(dir, 'production.ndjson')
}

function runWriter(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => resolve({code, stdout, stderr}))
  })
}

describe('the dataset store on disk', () => {
  it('keeps every acknowledged transaction across a reopen, before and after compaction', async () => {
    const file = datasetFile()
    const store = await Store.open(file)
    await store.commit([{create: {_id: 'a', _type: 't', n: 1}}])
    await store.commit([{patch: {id: 'a', set: {n: 2}}}, {create: {_id: 'b', _type: 't'}}])
    // Not closed: what is on disk is the snapshot (none yet) plus the log.
    const reopened = await Store.open(file)
    expect(reopened.get('a')).toMatchObject({n: 2})
    expect(reopened.get('b')).toMatchObject({_type: 't'})
    await store.close()
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((doc) => [doc._id, doc.n])).toEqual([
      ['a', 2],
      ['b', undefined],
    ])
    expect((await Store.open(file)).size).toBe(2)
  })

  it('writes the dataset as Sanity export NDJSON, one document per line, sorted by id', async () => {
    const file = datasetFile()
    const store = await Store.open(file)
    await store.commit([
      {create: {_id: 'z', _type: 't'}},
      {create: {_id: 'drafts.z', _type: 't'}},
      {create: {_id: 'm', _type: 't'}},
    ])
    await store.close()
    const docs = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(docs.map((doc) => doc._id)).toEqual(['drafts.z', 'm', 'z'])
    for (const doc of docs)
      expect(Object.keys(doc)).toEqual(
        expect.arrayContaining(['_id', '_type', '_rev', '_createdAt', '_updatedAt']),
      )
  })

  it('ignores a half-written last transaction and writes cleanly after it', async () => {
    const file = datasetFile()
    const store = await Store.open(file)
    await store.commit([{create: {_id: 'kept', _type: 't'}}])
    appendFileSync(
      `${file}.log`,
      '{"transactionId":"torn","timestamp":"2024-01-01T00:00:00Z","changes":[{"id":"lost","after":{"_id":"lo',
    )
    const reader = await Store.open(file)
    expect(reader.get('kept')).toBeDefined()
    expect(reader.get('lost')).toBeUndefined()
    await reader.commit([{create: {_id: 'after', _type: 't'}}])
    const again = await Store.open(file)
    expect([again.get('kept')?._id, again.get('after')?._id, again.get('lost')]).toEqual([
      'kept',
      'after',
      undefined,
    ])
  })

  it('sees transactions another process committed, without reopening', async () => {
    const file = datasetFile()
    const one = await Store.open(file)
    const two = await Store.open(file)
    await one.commit([{create: {_id: 'from-one', _type: 't'}}])
    await two.refresh()
    expect(two.get('from-one')).toBeDefined()
    await one.compact()
    await one.commit([{create: {_id: 'after-compaction', _type: 't'}}])
    await two.refresh()
    expect(two.get('after-compaction')).toBeDefined()
  })

  it('breaks a lock left by a process that died', async () => {
    const file = datasetFile()
    const store = await Store.open(file)
    const dead = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => dead.on('exit', resolve))
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({pid: dead.pid, host: (await import('node:os')).hostname(), token: 'dead'}),
    )
    await store.commit([{create: {_id: 'after-stale-lock', _type: 't'}}])
    expect(existsSync(`${file}.lock`)).toBe(false)
    expect(store.get('after-stale-lock')).toBeDefined()
  })

  it('waits for a lock held by a live process instead of writing alongside it', async () => {
    const file = datasetFile()
    const store = await Store.open(file, {lockTimeout: 300})
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({pid: process.pid, host: (await import('node:os')).hostname(), token: 'live'}),
    )
    await expect(store.commit([{create: {_id: 'blocked', _type: 't'}}])).rejects.toThrow(
      /Timed out/,
    )
    expect((await Store.open(file)).get('blocked')).toBeUndefined()
  })

  it('serializes two processes incrementing the same counter, losing no update', async () => {
    const file = datasetFile()
    const runs = await Promise.all([
      runWriter([file, 'increment', '40']),
      runWriter([file, 'increment', '40']),
    ])
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    expect((await Store.open(file)).get('counter')).toMatchObject({n: 80})
  })
})
