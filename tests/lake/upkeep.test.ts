// Kept sorted lists, merged candidate lists and token indexes follow small commits in place instead
// of being rebuilt. After every commit of a random run, a warm engine (its lists kept up to date)
// must answer exactly as a new engine that builds everything from the store.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {generateDataset} from '../../bench/dataset.ts'
import {QueryEngine} from '../../lake/query.ts'
import {Store} from '../../lake/store.ts'
import {claimsCountQuery, claimsQuery, searchQuery} from '../../queries/index.ts'
import {tempDir} from './helpers.ts'

const SEED = Number(process.env.LAKE_UPKEEP_SEED ?? Date.now() % 1_000_000)
const STEPS = 40

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const none = {sourceKind: null, reviewStatus: null, articleSlug: null}
const probes: [string, Record<string, unknown>][] = [
  [claimsQuery, {...none, offset: 0, limit: 20}],
  [claimsQuery, {...none, sourceKind: 'person', offset: 5, limit: 10}],
  [claimsCountQuery, none],
  ['*[_type in ["person", "organization"]] | order(name asc, _id desc) [0...15]{_id, name}', {}],
  [
    '*[_type == "claim" && source.kind == "unnamed" && reviewStatus != "rejected"] | order(saidAt desc) {_id, saidAt}',
    {},
  ],
  ['*[_type == "person"] | order(defined(aliases) desc, name) [0...10]._id', {}],
  [searchQuery, {q: 'Person 1', offset: 0, limit: 20}],
  [
    '*[_type in ["person", "article"]] | score(boost(name match text::query($q), 5), [@, _id] match text::query($q)) [_score > 0] [0...20] {_id, _score}',
    {q: 'person 1*'},
  ],
]

describe('kept lists and indexes after small commits', () => {
  let store: Store
  let remove: () => void
  const next = random(SEED)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!

  beforeAll(async () => {
    const temp = tempDir()
    remove = temp.remove
    const file = join(temp.dir, 'production.ndjson')
    const {documents} = generateDataset(600, 5)
    writeFileSync(file, documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
    store = await Store.open(file)
  })
  afterAll(async () => {
    await store.close()
    remove()
  })

  let serial = 0
  /** One to three edits of the kind an editor makes: dates, statuses, names, new and gone drafts. */
  function mutations(created: string[]): unknown[] {
    const claims = [...store.documents()].filter((doc) => doc._type === 'claim')
    const people = [...store.documents()].filter((doc) => doc._type === 'person')
    return Array.from({length: 1 + Math.floor(next() * 3)}, () => {
      const claim = pick(claims)._id
      const person = pick(people)._id
      switch (Math.floor(next() * 7)) {
        case 0:
          return next() < 0.3
            ? {patch: {id: claim, unset: ['saidAt']}}
            : {patch: {id: claim, set: {saidAt: `20${10 + Math.floor(next() * 15)}-01-01`}}}
        case 1:
          return {
            patch: {
              id: claim,
              set: {reviewStatus: pick(['extracted', 'needsReview', 'approved', 'rejected'])},
            },
          }
        case 2:
          return {patch: {id: claim, set: {'source.kind': pick(['person', 'unnamed'])}}}
        case 3:
          return next() < 0.2
            ? {patch: {id: person, unset: ['name']}}
            : {patch: {id: person, set: {name: `Person ${Math.floor(next() * 400)}`}}}
        case 4: {
          const id = `${next() < 0.5 ? 'drafts.' : ''}person-new-${serial++}`
          created.push(id)
          return {create: {_id: id, _type: 'person', name: `Person ${Math.floor(next() * 400)}`}}
        }
        case 5:
          return created.length
            ? {delete: {id: created.splice(Math.floor(next() * created.length), 1)[0]!}}
            : {patch: {id: person, set: {aliases: ['P']}}}
        default:
          return {patch: {id: person, set: {aliases: next() < 0.5 ? [] : ['Alias 1']}}}
      }
    })
  }

  it(`answers after every commit as an engine built afresh (seed ${SEED})`, async () => {
    const warm = new QueryEngine(store)
    const created: string[] = []
    let compared = 0
    for (let step = 0; step < STEPS; step++) {
      // The warm engine builds its lists before the commit, so the commit must carry them along.
      for (const [query, params] of probes)
        for (const perspective of ['published', 'drafts'] as const)
          warm.fetch(query, params, perspective)
      await store.commit(mutations(created))
      const fresh = new QueryEngine(store)
      for (const [query, params] of probes) {
        for (const perspective of ['published', 'drafts'] as const) {
          expect(warm.fetch(query, params, perspective).result, `${query} at step ${step}`).toEqual(
            fresh.fetch(query, params, perspective).result,
          )
          compared++
        }
      }
    }
    expect(compared).toBe(STEPS * probes.length * 2)
  })
})
