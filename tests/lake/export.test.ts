// Sanity's own data tools against the lake: `@sanity/export` (what `sanity dataset export` runs)
// reads /data/export, and what it writes `@sanity/import` (`sanity dataset import`) loads into a
// fresh dataset with the same documents.
import {createReadStream} from 'node:fs'
import {join} from 'node:path'
import {exportDataset} from '@sanity/export'
import {sanityImport} from '@sanity/import'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import type {SanityDocument} from '../../lake/types.ts'
import {clientFor, ref, tempDir} from './helpers.ts'

let server: LakeServer
let dir: string
let remove: () => void
beforeAll(async () => {
  ;({dir, remove} = tempDir())
  server = await startLakeServer({port: 0, dir, datasets: ['production', 'fresh']})
  const transaction = clientFor(server).transaction()
  for (let i = 0; i < 20; i++)
    transaction.create({
      _id: `place-${i}`,
      _type: 'place',
      name: `Place ${i}`,
      tags: [{_key: `k${i}`, label: 'x'}],
    })
  for (let i = 0; i < 30; i++) {
    transaction.create({
      _id: `note-${i}`,
      _type: 'note',
      n: i,
      place: ref(`place-${i % 20}`),
      seeAlso: ref(`note-${(i + 1) % 30}`, true),
    })
  }
  transaction.create({_id: 'drafts.note-0', _type: 'note', n: -1, place: ref('place-0')})
  await transaction.commit()
})
afterAll(async () => {
  await server.close()
  remove()
})

const withoutSystemFields = (docs: SanityDocument[]) =>
  docs.map(({_rev, _updatedAt, ...rest}) => rest)

it('exports with @sanity/export and imports with @sanity/import into a fresh dataset, same documents', async () => {
  const archive = join(dir, 'production.tar.gz')
  const token = 'sk-any-token-the-lake-without-one-accepts'
  await exportDataset({
    client: clientFor(server, {token}),
    dataset: 'production',
    outputPath: archive,
    assets: false,
  })
  const fresh = clientFor(server, {dataset: 'fresh', token})
  const result = await sanityImport(createReadStream(archive), {client: fresh, operation: 'create'})
  expect(result.numDocs).toBe(51)
  const query = '*[!(_id in path("_.**"))] | order(_id)'
  const original = await clientFor(server).fetch<SanityDocument[]>(query, {}, {perspective: 'raw'})
  const copy = await fresh.fetch<SanityDocument[]>(query, {}, {perspective: 'raw'})
  expect(original).toHaveLength(51)
  expect(withoutSystemFields(copy)).toEqual(withoutSystemFields(original))
})

it('streams the dataset as NDJSON in id order, filtered by types, and only public documents to anonymous callers', async () => {
  const lines = async (path: string) =>
    (await (await fetch(`${server.url}/v2025-02-19${path}`)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SanityDocument)
  const all = await lines('/data/export/production')
  expect(all.map((doc) => doc._id)).toEqual([...all.map((doc) => doc._id)].sort())
  expect(all).toHaveLength(51)
  expect((await lines('/data/export/production?types=place')).map((doc) => doc._type)).toEqual(
    Array(20).fill('place'),
  )
  const secured = await startLakeServer({
    port: 0,
    dir,
    token: 'sk-secret-token-for-export-test-0000',
  })
  try {
    const response = await fetch(`${secured.url}/v2025-02-19/data/export/production`)
    const ids = (await response.text())
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as SanityDocument)._id)
    expect(ids).toHaveLength(50)
    expect(ids).not.toContain('drafts.note-0')
  } finally {
    await secured.close()
  }
})
