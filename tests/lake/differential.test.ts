// The lake's narrowed evaluation against plain groq-js: random queries of every shape the optimiser
// narrows (==, in, &&, ||, references(), values of the enclosing document), near misses, nulls,
// missing attributes, mixed types, a dotted attribute name, drafts and sub-path ids, with random
// mutations in between, through the real client; any difference from groq-js scanning the same
// documents fails. The seed is printed in the failure message to reproduce it.
import {evaluateSync, parse, toJS} from 'groq-js'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {buildView} from '../../lake/perspective.ts'
import type {SanityDocument} from '../../lake/types.ts'
import {startTestLake, type RunningLake} from './helpers.ts'

const SEED = Number(process.env.LAKE_DIFF_SEED ?? Date.now() % 1_000_000)
const ROUNDS = 10
const QUERIES_PER_ROUND = 150

/** mulberry32: small, seedable, good enough to pick test cases. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const next = random(SEED)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
const chance = (p: number) => next() < p

const VALUES = ['a', 'b', '1', 1, 2, 0, '', true, false, null] as const
const TYPES = ['a', 'b', 'c'] as const
const ID_POOL = Array.from({length: 40}, (_, i) => `doc-${i}`)
const ALL_IDS = [
  ...ID_POOL,
  ...ID_POOL.slice(0, 10).map((id) => `drafts.${id}`),
  'secret.one',
  'doc-0.sub',
  'missing-id',
]

function randomDocument(id: string): Record<string, unknown> {
  const doc: Record<string, unknown> = {_id: id, _type: pick(TYPES)}
  if (chance(0.8)) doc.kind = pick(VALUES)
  if (chance(0.7)) doc.n = pick(VALUES)
  if (chance(0.6)) doc.nested = chance(0.8) ? {b: pick(VALUES)} : [{b: pick(VALUES)}]
  if (chance(0.5)) doc['a.b'] = pick(VALUES)
  if (chance(0.3)) doc.a = {b: pick(VALUES)}
  if (chance(0.5)) doc.slug = {_type: 'slug', current: `s-${Math.floor(next() * 5)}`}
  if (chance(0.5)) doc.ref = {_type: 'reference', _ref: pick(ALL_IDS), _weak: true}
  if (chance(0.5))
    doc.ids = Array.from({length: Math.floor(next() * 4)}, () =>
      chance(0.1) ? null : pick(ALL_IDS),
    )
  if (chance(0.4)) doc.tags = Array.from({length: Math.floor(next() * 3)}, () => pick(VALUES))
  if (chance(0.7)) doc.text = chance(0.7) ? phrase() : [phrase(), chance(0.8) ? phrase() : 5]
  if (chance(0.6)) doc.word = pick(WORDS)
  return doc
}

/** Words for `match`: case, prefixes of each other, dots, hyphens, digits, non-ASCII. */
const WORDS = [
  'Vaez',
  'vaezi',
  'VA',
  'u.s.',
  'U.S',
  'e-mail',
  'Ali',
  'ali42',
  'Straße',
  'STRASSE',
  'é',
  'x_y',
  '',
] as const
const phrase = () =>
  Array.from({length: Math.floor(next() * 4)}, () => pick(WORDS)).join(pick([' ', ', ', '-', '.']))

/** A match pattern: words, prefixes, wildcards anywhere, punctuation, nothing, or not a string. */
function pattern(): unknown {
  if (chance(0.1)) return pick([null, 5, ['Ali', 'va*']])
  const word = pick(WORDS)
  const cut = word.slice(0, Math.max(1, Math.floor(next() * word.length)))
  return pick([
    word,
    `${cut}*`,
    `*${cut}`,
    `${word} ${pick(WORDS)}*`,
    '*',
    `${cut.toUpperCase()}*`,
    '.',
    `a*z`,
  ])
}

const PATHS = ['kind', 'n', 'nested.b', '@["a.b"]', 'a.b', 'slug.current', '_type', '_id'] as const
const literal = (value: unknown) => JSON.stringify(value)

/** A value for `path`: one that matches some documents, a near miss of another type, or null. */
function valueFor(path: string): unknown {
  if (path === '_id') return pick(ALL_IDS)
  if (path === '_type') return chance(0.8) ? pick(TYPES) : pick([null, 'd', 1])
  if (path === 'slug.current') return chance(0.8) ? `s-${Math.floor(next() * 6)}` : null
  return pick(VALUES)
}

interface Case {
  query: string
  params: Record<string, unknown>
}

/** A comparison the optimiser narrows, written with a literal or a parameter. */
function term(params: Record<string, unknown>): string {
  const path = pick(PATHS)
  const name = `p${Object.keys(params).length}`
  if (chance(0.5)) {
    const value = valueFor(path)
    // `!=` is looked up as the complement of `==` (inside an intersection, tested per document).
    if (chance(0.15)) return `${path} != ${literal(value)}`
    if (chance(0.5)) return `${path} == ${literal(value)}`
    params[name] = value
    return chance(0.5) ? `${path} == $${name}` : `$${name} == ${path}`
  }
  const list = Array.from({length: 1 + Math.floor(next() * 4)}, () => valueFor(path))
  if (chance(0.5)) return `${path} in ${literal(list)}`
  params[name] = list
  return `${path} in $${name}`
}

/** A parameter that is null about half the time, for the folded `$x == null || …` shapes. */
function maybeNull(params: Record<string, unknown>): string {
  const name = `p${Object.keys(params).length}`
  params[name] = chance(0.5) ? null : pick(VALUES)
  return `$${name}`
}

/** A filter term written as the list queries write optional filters: `($x == null || path == $x)`. */
function optionalTerm(params: Record<string, unknown>): string {
  const p = maybeNull(params)
  const path = pick(PATHS)
  return pick([
    `(${p} == null || ${path} == ${p})`,
    `(null == ${p} || ${term(params)})`,
    `(${p} != null && ${path} == ${p})`,
    `!(${p} != null) || ${term(params)}`,
  ])
}

/** `order(…)` terms over attributes holding nulls, mixed types and many ties. */
function orderTerms(): string {
  const one = () => {
    const path = pick(['kind', 'n', 'nested.b', '@["a.b"]', 'slug.current', '_id', 'tags'])
    return pick([path, `${path} asc`, `${path} desc`, `defined(${path}) desc`, `defined(${path})`])
  }
  return Array.from({length: 1 + Math.floor(next() * 3)}, one).join(', ')
}

/** A slice or element after an `order(…)`: exclusive, inclusive, past the end, empty, or none. */
function window(): string {
  const from = Math.floor(next() * 6)
  return pick([
    `[${from}...${from + Math.floor(next() * 8)}]`,
    `[${from}..${from + Math.floor(next() * 8)}]`,
    `[0...100]`,
    `[3...1]`,
    `[${from}]`,
    '',
  ])
}

function randomCase(): Case {
  const params: Record<string, unknown> = {}
  const shape = Math.floor(next() * 15)
  const query = (() => {
    switch (shape) {
      case 0:
        return `*[${term(params)}]._id`
      case 1:
        return `*[${term(params)} && ${term(params)}]{_id, kind}`
      case 2:
        return `*[${term(params)} || ${term(params)}]._id`
      case 3:
        return `*[(${term(params)} || ${term(params)}) && ${term(params)}]._id`
      case 4:
        params.r = chance(0.7) ? pick(ALL_IDS) : [pick(ALL_IDS), null, pick(ALL_IDS)]
        return `*[references($r)]._id`
      case 5:
        return `*[_type == ${literal(pick(TYPES))}]{_id, "back": *[ref._ref == ^._id]._id, "refs": *[references(^._id)]._id}`
      case 6:
        return `*[${term(params)}]{_id, "via": *[_id in ^.ids]._id}`
      case 7: {
        const path = pick(['kind', 'n', 'nested.b', 'a.b'])
        return `*[_type == ${literal(pick(TYPES))}]{_id, "same": *[${path} == ^.${path}]._id, "also": *[${path} in ^.tags]._id}`
      }
      case 8:
        return `*[${optionalTerm(params)} && ${optionalTerm(params)} && ${chance(0.5) ? term(params) : 'true'}]._id`
      case 9: {
        // Outside a condition `false || x` is null for a non-boolean x: folding must keep that.
        const p = maybeNull(params)
        return `*[${optionalTerm(params)}]{_id, "or": ${p} == null || kind, "and": ${p} != null && n, "not": !(${p} == null), "pick": select(${p} == null => "none", kind), ${p} == null => {"splat": true}}`
      }
      case 12: {
        params.m = pattern()
        return chance(0.5)
          ? `*[text match $m || (_type == "a" && word match $m)]._id`
          : `*[_type == ${literal(pick(TYPES))}]{_id, "hits": *[text match (^.word + ${literal(pick(['*', '', ' ali']))})]._id}`
      }
      case 13: {
        // Range comparisons narrow to the values of the constant's type (`_score > 0`).
        const path = pick(PATHS)
        const op = pick(['>', '>=', '<', '<='])
        const value = pick([0, 1, 2, 'a', 'b', '', true, null])
        return chance(0.5)
          ? `*[${path} ${op} ${literal(value)}]._id`
          : `*[${literal(value)} ${op} ${path} || ${term(params)}]{_id, n}`
      }
      case 10:
      case 11: {
        // Ordered access: a type alone (answered wholly by the lookup, so only a prefix is read),
        // an optional filter folded away or kept, or any narrowed term.
        const filter = pick([
          `_type == ${literal(pick(TYPES))}`,
          `_type in ${literal([pick(TYPES), pick(TYPES)])}`,
          `_type == ${literal(pick(TYPES))} && ${optionalTerm(params)}`,
          term(params),
        ])
        return `*[${filter}] | order(${orderTerms()}) ${window()} {_id, kind}`
      }
      default:
        return `{"count": count(*[${term(params)}]), "missing": count(*[${pick(PATHS)} == null]), "all": count(*[${term(params)} && ${term(params)} && ${pick(PATHS)} != ${literal(valueFor('n'))}])}`
    }
  })()
  return {query, params}
}

function groqJs(
  docs: SanityDocument[],
  perspective: 'raw' | 'published' | 'drafts',
  {query, params}: Case,
): unknown {
  const view = buildView(docs, perspective)
  return toJS(evaluateSync(parse(query, {params}), {dataset: view.documents, params}))
}

let lake: RunningLake
beforeAll(async () => {
  lake = await startTestLake()
})
afterAll(() => lake.stop())

async function mutateRandomly(round: number): Promise<void> {
  const transaction = lake.client.transaction()
  const writable = ALL_IDS.filter((id) => id !== 'missing-id')
  for (let i = 0; i < (round === 0 ? writable.length : 12); i++) {
    const id = round === 0 ? writable[i]! : pick(writable)
    if (round > 0 && chance(0.2)) transaction.delete(id)
    else if (round > 0 && chance(0.4))
      transaction.patch(id, (patch) => patch.set({kind: pick(VALUES)}))
    else transaction.createOrReplace(randomDocument(id) as SanityDocument)
  }
  await transaction.commit().catch((error: {statusCode?: number}) => {
    // A patch of a document deleted earlier in the round: the Lake refuses the whole transaction too.
    if (error.statusCode !== 409) throw error
  })
}

it(`answers random narrowed queries exactly as groq-js scanning the same documents (seed ${SEED})`, async () => {
  let compared = 0
  for (let round = 0; round < ROUNDS; round++) {
    await mutateRandomly(round)
    const docs = await lake.client.fetch<SanityDocument[]>('*', {}, {perspective: 'raw'})
    for (let i = 0; i < QUERIES_PER_ROUND; i++) {
      const testCase = randomCase()
      const perspective = pick(['raw', 'published', 'drafts'] as const)
      const expected = groqJs(docs, perspective, testCase)
      const actual = await lake.client.fetch(testCase.query, testCase.params, {perspective})
      expect(
        actual,
        `seed ${SEED}, round ${round}, ${perspective}: ${testCase.query} ${JSON.stringify(testCase.params)}`,
      ).toEqual(expected)
      compared++
    }
  }
  expect(compared).toBe(ROUNDS * QUERIES_PER_ROUND)
})

it('finds documents without an attribute through the indexes with == null, == $v (null) and in [null, …]', async () => {
  await lake.client.createOrReplace({
    _id: 'claim-named',
    _type: 'claim',
    source: {person: {_type: 'reference', _ref: 'doc-1', _weak: true}},
  })
  await lake.client.createOrReplace({_id: 'claim-unnamed', _type: 'claim', source: {}})
  for (const [query, params] of [
    ['*[_type == "claim" && source.person == null]._id', {}],
    ['*[_type == "claim" && source.person == $v]._id', {v: null}],
    ['*[_type == "claim" && source.person in [null, "x"]]._id', {}],
  ] as const) {
    expect(await lake.client.fetch(query, params)).toEqual(['claim-unnamed'])
  }
})

it('keeps an attribute named "a.b" apart from the path a.b', async () => {
  await lake.client.createOrReplace({'_id': 'dotted', '_type': 'dot', 'a.b': 'flat'})
  await lake.client.createOrReplace({_id: 'nested', _type: 'dot', a: {b: 'deep'}})
  expect(await lake.client.fetch('*[_type == "dot" && a.b == "deep"]._id')).toEqual(['nested'])
  expect(await lake.client.fetch('*[_type == "dot" && @["a.b"] == "flat"]._id')).toEqual(['dotted'])
  expect(await lake.client.fetch('*[_type == "dot" && a.b == "flat"]._id')).toEqual([])
})
