// One expensive query must not stall the server: queries run in worker threads with a time limit,
// and a list of ids is looked up in linear time.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {clientFor, tempDir} from './helpers.ts'

function datasetOf(count: number, dir: string): string[] {
  const ids = Array.from({length: count}, (_, i) => `note-${String(i).padStart(6, '0')}`)
  writeFileSync(
    join(dir, 'production.ndjson'),
    ids.map((_id, n) => `${JSON.stringify({_id, _type: 'note', n})}\n`).join(''),
  )
  return ids
}

/** A server over `count` notes, its first query worker warmed (timings then measure queries, not thread start-up). */
async function serveNotes(count: number, options: {queryTimeoutMs?: number} = {}) {
  const folder = tempDir()
  const ids = datasetOf(count, folder.dir)
  const server = await startLakeServer({
    port: 0,
    dir: folder.dir,
    datasets: ['production'],
    ...options,
  })
  await clientFor(server).fetch('count(*)')
  const stop = async () => {
    await server.close()
    folder.remove()
  }
  return {server, ids, stop}
}

async function timed<T>(work: () => Promise<T>): Promise<{value: T; ms: number}> {
  const started = performance.now()
  const value = await work()
  return {value, ms: performance.now() - started}
}

// Each note counts notes before it by a string match: 3,000 × 3,000 evaluations, about 15 s in groq-js
// here, so it meets the 6 s limit even on a machine several times faster.
const QUADRATIC = '*[_type == "note"]{"before": count(*[n < ^.n && string(n) match "1*"])}'

describe('a lake answering while one query is expensive', () => {
  let server: LakeServer
  let stop: () => Promise<void>
  beforeAll(async () => {
    ;({server, stop} = await serveNotes(3_000, {queryTimeoutMs: 6_000}))
  })
  afterAll(() => stop())

  it('answers pings, documents and other queries while an O(n²) query runs, then stops that query at the time limit', async () => {
    const client = clientFor(server)
    const slow = timed(() =>
      client.fetch(QUADRATIC).then(
        () => null,
        (error: unknown) => error as {statusCode: number; response: {body: unknown}},
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    const ping = await timed(() =>
      fetch(`${server.url}/v2025-02-19/ping`).then((response) => response.text()),
    )
    expect(ping.value).toBe('PONG')
    // Generous bounds, all well under the 6 s a stalled request would wait.
    expect(ping.ms).toBeLessThan(2_000)
    const doc = await timed(() => client.getDocument('note-000007'))
    expect(doc.value).toMatchObject({n: 7})
    expect(doc.ms).toBeLessThan(2_000)
    // A second worker starts for it (thread start-up included in the bound).
    const other = await timed(() => client.fetch('*[_id == "note-000042"][0].n'))
    expect(other.value).toBe(42)
    expect(other.ms).toBeLessThan(4_000)
    const {value: failure, ms} = await slow
    expect(failure).toMatchObject({
      statusCode: 408,
      response: {
        body: {
          error: {type: 'queryTimeoutError', description: expect.stringContaining('time limit')},
        },
      },
    })
    expect(ms).toBeLessThan(12_000)
    // The stopped worker is replaced.
    expect(await client.fetch('count(*)')).toBe(3_000)
  })
})

describe('a query for a long list of ids', () => {
  let server: LakeServer
  let stop: () => Promise<void>
  let ids: string[]
  beforeAll(async () => {
    ;({server, stop, ids} = await serveNotes(30_000))
  })
  afterAll(() => stop())

  it('looks 30,000 ids up in linear time (quadratic took about 8 s here)', async () => {
    const client = clientFor(server)
    const wanted = ids.filter((_, i) => i % 3 !== 1).concat(['note-missing', 'drafts.note-000000'])
    const {value, ms} = await timed(() =>
      client.fetch('{"count": count(*[_id in $ids]), "last": *[_id in $ids && n > 29990]._id}', {
        ids: wanted,
      }),
    )
    expect(value).toEqual({
      count: 20_000,
      last: [
        'note-029991',
        'note-029993',
        'note-029994',
        'note-029996',
        'note-029997',
        'note-029999',
      ],
    })
    expect(ms).toBeLessThan(3_000)
  })
})
