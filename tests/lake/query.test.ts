// The query engine narrows each `*[filter]` to candidate documents through its indexes; that must
// never change an answer. Every query here is checked against plain groq-js scanning the same view.
import {join} from 'node:path'
import {writeFileSync} from 'node:fs'
import {evaluateSync, parse, toJS} from 'groq-js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generateDataset} from '../../bench/dataset.ts'
import {LakeError} from '../../lake/errors.ts'
import {QueryEngine} from '../../lake/query.ts'
import {Store} from '../../lake/store.ts'
import type {Perspective} from '../../lake/types.ts'
import {tempDir} from './helpers.ts'

let store: Store
let engine: QueryEngine
let remove: () => void
const {documents, articleSlugs, personSlugs} = generateDataset(1200, 7)

beforeAll(async () => {
  const temp = tempDir()
  remove = temp.remove
  const file = join(temp.dir, 'production.ndjson')
  const extras = [
    {
      _id: 'drafts.article-a1',
      _type: 'article',
      headline: 'Draft headline',
      slug: {_type: 'slug', current: 'a1'},
    },
    {
      _id: 'drafts.person-new',
      _type: 'person',
      name: 'Only a draft',
      slug: {_type: 'slug', current: 'new'},
    },
    {_id: 'number-1', _type: 'counter', value: 1, label: '1'},
    {_id: 'number-2', _type: 'counter', value: '1', label: 1},
    {_id: 'number-3', _type: 'counter', label: null},
    {_id: 'number-4', _type: 'counter'},
  ]
  writeFileSync(file, [...documents, ...extras].map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  store = await Store.open(file)
  engine = new QueryEngine(store)
})
afterAll(() => remove())

/** The same query through plain groq-js over the whole view: the reference answer. */
function scan(query: string, params: Record<string, unknown>, perspective: Perspective): unknown {
  const view = engine.view(perspective).view
  return toJS(
    evaluateSync(parse(query, {params}), {
      dataset: view.documents,
      params,
      dereference: ({_ref}) => view.byId.get(_ref) ?? null,
    }),
  )
}

const cases: [string, string, Record<string, unknown>][] = [
  ['an id', '*[_id == $id]', {id: 'person-n3'}],
  [
    'a list of ids, in dataset order',
    '*[_id in $ids]{_id}',
    {ids: ['place-p9', 'person-n1', 'nope', 'article-a2']},
  ],
  ['a type', '*[_type == "organization"]{_id, name}', {}],
  ['a list of types', '*[_type in ["organization", "person"] && name match "1*"]._id', {}],
  [
    'a slug with its claims and sources',
    `*[_type == "article" && slug.current == $slug][0]{
      headline, "dateline": dateline->name,
      "claims": *[_type == "claim" && article._ref == ^._id]{statement, "who": source.person->name, "about": about[]->name}
    }`,
    {slug: articleSlugs[3]},
  ],
  [
    'a person with the claims that reference them',
    `*[_type == "person" && slug.current == $slug]{
      name, "claims": *[_type == "claim" && references(^._id)]._id, "also": *[references([^._id, "place-p1"])]._id
    }`,
    {slug: personSlugs[5]},
  ],
  ['references to a constant id', '*[references($id)]._id', {id: 'place-p2'}],
  [
    'ids gathered from the body, with nulls among them',
    `*[_type == "article" && slug.current == $slug][0]{
      "refs": body[].markDefs[].entity._ref
    }{"entities": *[_type in ["person", "place", "organization"] && (_id in ^.refs || _id == ^.missing)] | order(_id) {_id}}`,
    {slug: articleSlugs[1]},
  ],
  ['an or of two constants', '*[_id == "person-n1" || slug.current == "p4"]._id', {}],
  ['an or that cannot be narrowed', '*[_id == "person-n1" || name == "Place 3"]._id', {}],
  [
    'numbers and strings that look alike',
    '*[_type == "counter"]{_id, "same": *[value == ^.label]._id, "listed": *[value in [^.label]]._id}',
    {},
  ],
  [
    'null matching a missing attribute',
    '*[_type == "counter"]{_id, "nullish": *[_type == "counter" && label == ^.nothing]._id, "inNull": *[_type == "counter" && label in [^.nothing]]._id}',
    {},
  ],
  [
    'two levels up',
    `*[_type == "article" && slug.current == $slug]{
      "claims": *[_type == "claim" && article._ref == ^._id]{"siblings": count(*[_type == "claim" && article._ref == ^.^._id])}
    }`,
    {slug: articleSlugs[2]},
  ],
  [
    'a slice with parameters',
    '*[_type == "place"] | order(name) [$from...$to]._id',
    {from: 2, to: 5},
  ],
  [
    'a page of claims in the claim order (sorted once, only the page read)',
    '*[_type == "claim"] | order(defined(saidAt) desc, saidAt desc, statement asc) [5...15]{_id, saidAt}',
    {},
  ],
  [
    'an ordered, filtered list with nulls and ties in the order terms',
    '*[_type in ["counter", "place"] && (defined(label) || name match "Place 1*")] | order(label desc, value, name) {_id}',
    {},
  ],
  ['a range is not a list', '*[_type == "place" && geonamesId in 1..5]._id', {}],
]

describe('the query engine', () => {
  for (const perspective of ['published', 'drafts', 'raw'] as const) {
    it.each(cases)(
      `answers %s exactly as a full scan does (${perspective})`,
      (_name, query, params) => {
        expect(engine.fetch(query, params, perspective).result).toEqual(
          scan(query, params, perspective),
        )
      },
    )
  }

  it('finds claims through the reverse lookup without scanning every claim', () => {
    const query =
      '*[_type == "article" && slug.current == $slug][0]{"claims": *[_type == "claim" && article._ref == ^._id]._id}'
    const result = engine.fetch<{claims: string[]}>(
      query,
      {slug: articleSlugs[0]},
      'published',
    ).result
    expect(result.claims).toHaveLength(8)
    expect(result.claims.every((id) => id.startsWith(`claim-${articleSlugs[0]}-`))).toBe(true)
  })

  it('overlays drafts in the drafts perspective and marks their original id', () => {
    expect(
      engine.fetch('*[_id == "article-a1"][0]{headline, _originalId}', {}, 'drafts').result,
    ).toEqual({
      headline: 'Draft headline',
      _originalId: 'drafts.article-a1',
    })
    expect(engine.fetch('*[_id == "article-a1"][0].headline', {}, 'published').result).toBe(
      'Headline 1',
    )
    expect(engine.fetch('count(*[_id in path("drafts.**")])', {}, 'raw').result).toBe(2)
  })

  it('reports a missing parameter as Sanity does', () => {
    const error = (() => {
      try {
        engine.fetch('*[slug.current == $slug]', {}, 'published')
      } catch (e) {
        return e as LakeError
      }
    })()
    expect(error).toBeInstanceOf(LakeError)
    expect(error!.status).toBe(400)
    expect(error!.body).toMatchObject({
      type: 'queryParseError',
      description: 'param $slug referenced, but not provided',
    })
  })

  it('keeps its views and indexes right through creates, edits, drafts and deletes', async () => {
    const probe = `{
      "slug": *[_type == "article" && slug.current == "fresh"]{_id, headline},
      "byRef": *[references("place-p1")]._id,
      "claims": *[_type == "article" && slug.current == "fresh"][0]{"c": *[_type == "claim" && article._ref == ^._id]._id},
      "types": *[_type in ["article", "note"]]._id,
      "latest": *[_type == "article"] | order(slug.current desc, headline asc) [0...3]._id,
      "ordered": *[_type in ["article", "note"] && defined(slug)] | order(headline) [0..4]._id
    }`
    for (const perspective of ['published', 'drafts', 'raw'] as const)
      engine.fetch(probe, {}, perspective) // build the indexes first
    await store.commit([
      {
        create: {
          _id: 'article-fresh',
          _type: 'article',
          headline: 'Fresh',
          slug: {_type: 'slug', current: 'fresh'},
          dateline: {_type: 'reference', _ref: 'place-p1'},
        },
      },
    ])
    await store.commit([
      {
        create: {
          _id: 'claim-fresh-1',
          _type: 'claim',
          statement: 'S',
          article: {_type: 'reference', _ref: 'article-fresh'},
        },
      },
    ])
    await store.commit([
      {
        createOrReplace: {
          _id: 'drafts.article-fresh',
          _type: 'article',
          headline: 'Fresher',
          slug: {_type: 'slug', current: 'fresh'},
        },
      },
    ])
    await store.commit([
      {patch: {id: 'article-a3', set: {'slug.current': 'fresh'}, unset: ['dateline']}},
    ])
    // A type change (on a document nothing strongly references: the Lake refuses it otherwise).
    await store.commit([
      {create: {_id: 'article-lonely', _type: 'article', slug: {_type: 'slug', current: 'lonely'}}},
    ])
    await store.commit([
      {
        createOrReplace: {
          _id: 'article-lonely',
          _type: 'note',
          slug: {_type: 'slug', current: 'lonely'},
        },
      },
    ])
    await store.commit([{delete: {id: 'claim-fresh-1'}}, {delete: {id: 'drafts.article-fresh'}}])
    const rebuilt = new QueryEngine(store)
    for (const perspective of ['published', 'drafts', 'raw'] as const) {
      const incremental = engine.fetch(probe, {}, perspective).result
      expect(incremental).toEqual(rebuilt.fetch(probe, {}, perspective).result)
      expect(incremental).toEqual(scan(probe, {}, perspective))
    }
    expect(engine.fetch(probe, {}, 'published').result).toMatchObject({
      slug: [{_id: 'article-a3'}, {_id: 'article-fresh', headline: 'Fresh'}],
    })
  })

  it('keeps the list of documents without an attribute in step with a commit that removes it', async () => {
    const temp = tempDir()
    const file = join(temp.dir, 'production.ndjson')
    const dateline = {_type: 'reference', _ref: 'place-1', _weak: true}
    const docs = [
      {_id: 'article-1', _type: 'article', dateline},
      {_id: 'article-2', _type: 'article'},
      {_id: 'place-1', _type: 'place'},
    ]
    writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
    const small = await Store.open(file)
    try {
      const local = new QueryEngine(small)
      const query = '*[_type == "article" && dateline == null]._id'
      expect(local.fetch(query, {}, 'published').result).toEqual(['article-2'])
      await small.commit([{patch: {id: 'article-1', unset: ['dateline']}}])
      expect(local.fetch(query, {}, 'published').result).toEqual(['article-1', 'article-2'])
      await small.commit([{patch: {id: 'article-2', set: {dateline}}}])
      expect(local.fetch(query, {}, 'published').result).toEqual(['article-1'])
    } finally {
      await small.close()
      temp.remove()
    }
  })

  it('sees a committed change in the next query', async () => {
    await store.commit([{patch: {id: 'person-n1', set: {name: 'Renamed'}}}])
    expect(
      engine.fetch('*[_type == "person" && name == "Renamed"]._id', {}, 'published').result,
    ).toEqual(['person-n1'])
  })
})
