// The lake's history at 10k documents: two editors make 5,000 edits to 200 claims (each a draft
// created, then patched), the store compacts (filing the history) and closes; then a server
// answers the three history requests a Studio's History panel makes. Reports the history file's
// size per transaction, the first request (which reads the file) and the p50/p95 of each request.
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {startLakeServer} from '../lake/server.ts'
import {Store} from '../lake/store.ts'
import {generateDataset, writeDatasetFile} from './dataset.ts'
import {ms, time} from './timing.ts'

const EDITORS = [
  {name: 'Ada Lovelace', token: 'bench-ada-0000000000000000000000000000'},
  {name: 'Grace Hopper', token: 'bench-grace-00000000000000000000000000'},
]
const EDITS = 5_000
const CLAIMS = 200

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'history-bench-'))
  try {
    const {documents} = generateDataset(10_000)
    const file = join(dir, 'production.ndjson')
    writeDatasetFile(file, documents)
    const claims = documents
      .filter((doc) => doc._type === 'claim')
      .slice(0, CLAIMS)
      .map((doc) => String(doc._id))

    // A small log threshold, so the edits go through several compactions, each filing history.
    const store = await Store.open(file, {compactAfterBytes: 1 << 20})
    const writing = performance.now()
    for (let i = 0; i < EDITS; i++) {
      const id = claims[i % CLAIMS]!
      const draft = `drafts.${id}`
      const identity = `p-${EDITORS[i % 2]!.name.toLowerCase().replace(' ', '-')}`
      const base = store.get(draft) ?? store.get(id)!
      await store.commit(
        store.get(draft)
          ? [{patch: {id: draft, set: {statement: `${String(base.statement)} ${i}`}}}]
          : [{createOrReplace: {...base, _id: draft}}],
        {identity},
      )
    }
    const written = performance.now() - writing
    await store.close()
    const historyBytes = statSync(`${file}.history`).size

    const server = await startLakeServer({port: 0, dir, editors: EDITORS})
    const get = async (path: string) => {
      const response = await fetch(`${server.url}/v2025-02-19${path}`, {
        headers: {authorization: `Bearer ${EDITORS[0]!.token}`},
      })
      await response.text()
      if (!response.ok) throw new Error(`${path}: ${response.status}`)
    }
    const claim = claims[0]!
    const first = performance.now()
    await get(`/data/history/production/events/documents/drafts.${claim}?limit=100`)
    const firstRequest = performance.now() - first
    const requests: [string, (i: number) => string][] = [
      [
        'events (History panel)',
        (i) => `/data/history/production/events/documents/drafts.${claims[i % CLAIMS]}?limit=100`,
      ],
      [
        'transactions, mendoza effects',
        (i) =>
          `/data/history/production/transactions/drafts.${claims[i % CLAIMS]}?effectFormat=mendoza&excludeContent=true&includeIdentifiedDocumentsOnly=true&limit=50`,
      ],
      [
        'document at a time',
        (i) =>
          `/data/history/production/documents/drafts.${claims[i % CLAIMS]}?time=${new Date().toISOString()}`,
      ],
    ]
    console.log(
      `${EDITS.toLocaleString('en')} edits by 2 editors to ${CLAIMS} claims of 10,000 documents: committed in ${ms(written)} (fsync each); history file ${(historyBytes / 1024 / 1024).toFixed(1)} MB, ${Math.round(historyBytes / EDITS).toLocaleString('en')} bytes per transaction; first history request (reads the file) ${ms(firstRequest)}\n`,
    )
    console.log('| request | p50 | p95 |')
    console.log('| --- | ---: | ---: |')
    for (const [name, path] of requests) {
      const {p50, p95} = await time(100, (i) => get(path(i)))
      console.log(`| ${name} | ${ms(p50)} | ${ms(p95)} |`)
    }
    await server.close()
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
