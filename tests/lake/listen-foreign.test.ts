// Listeners hear every change another process commits to the dataset the server serves, also when
// that process compacts (folds its transactions into the snapshot) before the server looks.
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {MutationEvent} from '@sanity/client'
import {filter, firstValueFrom, take, toArray, timeout} from 'rxjs'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {Store} from '../../lake/store.ts'
import {startTestLake, type RunningLake} from './helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const writer = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url))

let lake: RunningLake
beforeAll(async () => {
  lake = await startTestLake()
})
afterAll(() => lake.stop())

function runWriter(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`)),
    )
  })
}

it('streams all 50 documents another process commits and then compacts away from the log', async () => {
  const events = lake.client.listen(
    '*[_type == "note"]',
    {},
    {events: ['mutation'], includeResult: true},
  )
  const fifty = firstValueFrom(
    events.pipe(
      filter((e) => e.type === 'mutation'),
      take(50),
      toArray(),
      timeout(20_000),
    ),
  )
  await new Promise((resolve) => setTimeout(resolve, 200))
  await runWriter([join(lake.dir, 'production.ndjson'), 'batch', '50'])
  const received = (await fifty) as MutationEvent[]
  expect(new Set(received.map((event) => event.documentId))).toEqual(
    new Set(Array.from({length: 50}, (_, i) => `note-batch-${i}`)),
  )
  expect(received.every((event) => event.transition === 'appear')).toBe(true)
  expect(await lake.client.fetch('count(*[_type == "note"])')).toBe(50)
})

it('streams a change that reaches the server only through a compacted snapshot', async () => {
  // The server has seen everything so far; now another writer patches and compacts before any poll.
  const events = lake.client.listen(
    '*[_id == "note-batch-7"]',
    {},
    {events: ['mutation'], includeResult: true},
  )
  const one = firstValueFrom(
    events.pipe(
      filter((e) => e.type === 'mutation'),
      take(1),
      timeout(10_000),
    ),
  )
  await new Promise((resolve) => setTimeout(resolve, 200))
  const other = await Store.open(join(lake.dir, 'production.ndjson'))
  await other.commit([{patch: {id: 'note-batch-7', set: {seen: true}}}])
  await other.close()
  expect(await one).toMatchObject({
    documentId: 'note-batch-7',
    transition: 'update',
    result: {seen: true},
  })
})
