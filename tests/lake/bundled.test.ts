// The bundled article, as the import builds it, written over HTTP and read back both ways.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {buildDocuments} from '../../import/pipeline.ts'
import {
  clientTarget,
  openLocalTarget,
  type DatasetTarget,
  type SanityDocument,
} from '../../lake/target.ts'
import {clientFor, startTestLake, type RunningLake} from './helpers.ts'

const article = fileURLToPath(
  new URL('../../data/articles/000_fcede281fa476672.txt', import.meta.url),
)
const {documents} = buildDocuments(readFileSync(article, 'utf8'), {
  sourceFile: '000_fcede281fa476672.txt',
  importedAt: '2026-01-01T00:00:00.000Z',
})
const docs = documents as SanityDocument[]
const slug = (docs.find((doc) => doc._type === 'article')!.slug as {current: string}).current

let lake: RunningLake
let http: DatasetTarget
beforeAll(async () => {
  lake = await startTestLake()
  http = clientTarget(clientFor(lake.server), 'lake over HTTP')
  await http.mutate(docs.map((doc) => ({createOrReplace: doc})))
})
afterAll(() => lake.stop())

const pageQuery = `*[_type == "article" && slug.current == $slug][0]{
  headline,
  "claims": *[_type == "claim" && article._ref == ^._id] | order(_id) {_id, statement, "source": coalesce(source.person, source.organization)->name},
  "mentioned": *[_type in ["person", "place", "organization"] && _id in ^.body[].markDefs[].entity._ref] | order(_id)._id
}`

it('answers the article page over HTTP exactly as in-process, with every claim the import wrote', async () => {
  const viaHttp = await http.fetch<{
    headline: string
    claims: {_id: string}[]
    mentioned: string[]
  }>(pageQuery, {slug})
  const local = await openLocalTarget(join(lake.dir, 'production.ndjson'))
  try {
    expect(await local.fetch(pageQuery, {slug})).toEqual(viaHttp)
  } finally {
    await local.close()
  }
  const claimIds = docs
    .filter((doc) => doc._type === 'claim')
    .map((doc) => doc._id)
    .sort()
  expect(viaHttp.claims.map((claim) => claim._id)).toEqual(claimIds)
  expect(viaHttp.mentioned.length).toBeGreaterThan(0)
})

it('refuses to delete an entity the imported claims or article still reference', async () => {
  const referenced = docs.find(
    (doc) =>
      doc._type !== 'article' &&
      doc._type !== 'claim' &&
      JSON.stringify(docs).includes(`"_ref":"${doc._id}"`),
  )!
  await expect(http.mutate([{delete: {id: referenced._id}}])).rejects.toThrow(/references/)
  expect((await http.getDocuments([referenced._id]))[0]).not.toBeNull()
})

it('leaves an export file with one line per imported document after closing', async () => {
  const file = join(lake.dir, 'production.ndjson')
  const local = await openLocalTarget(file)
  await local.close() // folds the log into the export file
  const lines = readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as SanityDocument)
  expect(lines.map((doc) => doc._id).sort()).toEqual(docs.map((doc) => doc._id).sort())
})
