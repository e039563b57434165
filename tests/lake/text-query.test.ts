// `text::query()` in the lake: the search syntax, the whole-document `[@, _id] match`, ranking with
// `score()`/`boost()` as the Studio's default search sends it, and that narrowing through the token
// index never changes an answer (plain groq-js cannot run text::query, so the reference is the
// lake's own scan of every document).
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {generateDataset} from '../../bench/dataset.ts'
import {QueryEngine} from '../../lake/query.ts'
import {Store} from '../../lake/store.ts'
import {matchesTextQuery, parseTextQuery, textTokens} from '../../lake/text-query.ts'
import {tempDir} from './helpers.ts'

const matches = (text: unknown, query: string) =>
  matchesTextQuery(textTokens(text), parseTextQuery(query))

describe('the text query syntax', () => {
  it('requires every word, case-insensitively, and a trailing * makes a prefix', () => {
    expect(matches('Ali Vaez, Crisis Group', 'ali vaez')).toBe(true)
    expect(matches('Ali Vaez, Crisis Group', 'ali smith')).toBe(false)
    expect(matches('Ali Vaez', 'VAE*')).toBe(true)
    expect(matches('Ali Vaez', 'vae')).toBe(false)
  })

  it('matches a * anywhere in a word', () => {
    expect(matches('negotiations resumed', '*tiat*')).toBe(true)
    expect(matches('negotiations resumed', 'n*s')).toBe(true)
    expect(matches('negotiations resumed', 'x*s')).toBe(false)
  })

  it('needs a quoted phrase adjacent and in order', () => {
    expect(matches('the nuclear deal collapsed', '"nuclear deal"')).toBe(true)
    expect(matches('the deal on nuclear issues', '"nuclear deal"')).toBe(false)
    expect(matches('the deal on nuclear issues', 'nuclear deal')).toBe(true)
    expect(matches('the nuclear deal collapsed', '"nuclear dea*" collapsed')).toBe(true)
  })

  it('excludes a word or a phrase after a minus', () => {
    expect(matches('Iran talks in Vienna', 'talks -geneva')).toBe(true)
    expect(matches('Iran talks in Geneva', 'talks -geneva')).toBe(false)
    expect(matches('Iran talks in Geneva', 'talks -"in vienna"')).toBe(true)
    expect(matches('Iran talks in Vienna', '-"in vienna"')).toBe(false)
    expect(matches('Iran talks', '-geneva')).toBe(true)
  })

  it('reads a hyphenated word as its tokens side by side, and punctuation as nothing', () => {
    expect(matches('an e-mail from U.S. officials', 'e-mail u.s')).toBe(true)
    expect(matches('mail e from officials', 'e-mail')).toBe(false)
    expect(matches('anything', '')).toBe(false)
    expect(matches('anything', ' ;; ')).toBe(false)
  })

  it('gathers every string of an object except its _ attributes, deep in arrays', () => {
    const doc = {
      _id: 'person-x',
      _type: 'person',
      name: 'Ali Vaez',
      body: [{_type: 'block', _key: 'k1', children: [{_type: 'span', text: 'Crisis Group'}]}],
    }
    expect(matches(doc, 'crisis')).toBe(true)
    expect(matches(doc, 'person')).toBe(false)
    expect(matches(doc, 'k1')).toBe(false)
    expect(matches([doc, doc._id], 'person')).toBe(true)
  })
})

describe('text::query in queries', () => {
  let store: Store
  let engine: QueryEngine
  let scanning: QueryEngine
  let remove: () => void
  const extras = [
    {_id: 'article-tq1', _type: 'article', headline: 'Vienna talks stall', summary: 'About Iran.'},
    {
      _id: 'article-tq2',
      _type: 'article',
      headline: 'A quiet week',
      summary: 'Talks in Vienna went on; Vienna was quiet, Vienna again.',
    },
    {_id: 'person-tq3', _type: 'person', name: 'Vienna Talks', aliases: ['VT']},
    {_id: 'drafts.article-tq1', _type: 'article', headline: 'Vienna talks stall (draft)'},
    // A stored `_score` is where score() starts counting: this one survives `[_score > 0]`.
    {_id: 'article-tq4', _type: 'article', headline: 'Unrelated', _score: 3},
  ]

  beforeAll(async () => {
    const temp = tempDir()
    remove = temp.remove
    const file = join(temp.dir, 'production.ndjson')
    const {documents} = generateDataset(1500, 11)
    writeFileSync(
      file,
      [...documents, ...extras].map((doc) => JSON.stringify(doc)).join('\n') + '\n',
    )
    store = await Store.open(file)
    engine = new QueryEngine(store)
    scanning = new QueryEngine(store, {textIndex: false})
  })
  afterAll(async () => {
    await store.close()
    remove()
  })

  const ids = (result: unknown) => (result as {_id: string}[]).map((doc) => doc._id)

  it('matches the whole document with [@, _id], including its id but not its other _ fields', () => {
    const query = '*[[@, _id] match text::query($q)]._id'
    expect(engine.fetch(query, {q: 'vienna talks'}, 'published').result).toEqual([
      'article-tq1',
      'article-tq2',
      'person-tq3',
    ])
    expect(engine.fetch(query, {q: 'article-tq2'}, 'published').result).toEqual(['article-tq2'])
    expect(engine.fetch(query, {q: 'tq3 -vt'}, 'published').result).toEqual([])
    expect(engine.fetch('*[@ match text::query("tq2")]._id', {}).result).toEqual([])
  })

  it('ranks as the Studio asks: boosted fields first, then term frequency, ties in dataset order', () => {
    // The shape of the Studio's groq2024 search (sanity 6.9.2), perspective included.
    const query = `// findability-mvi:5
*[_type in $__types] | score(boost(_type in ["article"] && headline match text::query($__query), 10), boost(_type in ["person"] && name match text::query($__query), 10), boost(_type in ["article"] && summary match text::query($__query), 5), ([@, _id] match text::query($__query) || references($__rawQuery))) [_score > 0] {_type, _id, _originalId, "orderings": [_score]} | order(orderings[0] desc) [0...$__limit]`
    const params = {
      __types: ['article', 'person'],
      __limit: 26,
      __query: 'vienna*',
      __rawQuery: 'vienna',
    }
    const hits = ids(engine.fetch(query, params, 'published').result)
    // Headline and name boosts (10) beat the summary (5); among the two, the scores tie and dataset
    // order decides; the summary with "Vienna" three times comes next with its boost alone, and
    // the article matching nothing keeps its stored score of 3.
    expect(hits).toEqual(['article-tq1', 'person-tq3', 'article-tq2', 'article-tq4'])
    const scores = (engine.fetch(query, params, 'published').result as {orderings: number[]}[]).map(
      (hit) => hit.orderings[0]!,
    )
    expect(scores[0]).toBeGreaterThan(scores[2]!)
    expect(engine.fetch(query, params, 'drafts').result).toEqual(
      scanning.fetch(query, params, 'drafts').result,
    )
    expect(
      ids(engine.fetch(query, {...params, __query: 'vienna -stall'}, 'published').result),
    ).toEqual(['person-tq3', 'article-tq2', 'article-tq4'])
    // `[(_score > 0)]` is the same filter in a shape the lake does not narrow the scan by.
    const unnarrowed = query.replace('[_score > 0]', '[(_score > 0)]')
    for (const perspective of ['published', 'raw'] as const)
      expect(engine.fetch(query, params, perspective).result).toEqual(
        engine.fetch(unnarrowed, params, perspective).result,
      )
  })

  it('answers the Studio reference-resolving query and filters of several text matches', () => {
    const query = `*[(_type == "person" && name match text::query($__query)) || (_type == "article" && headline match text::query($__query))][0...1000]._id`
    expect(engine.fetch(query, {__query: 'vienna*'}, 'published').result).toEqual([
      'article-tq1',
      'person-tq3',
    ])
  })

  it('refuses text::query where the element is not a document of the dataset, as before', () => {
    expect(() => engine.fetch('[{"t": "x"}][t match text::query("x")]', {})).toThrow(
      /does not implement/,
    )
  })

  it('returns what a scan of every document returns, for many queries, through the token index', () => {
    const words = ['person', 'pers*', '*son', 'article', 'the', 'said', 'p*n', 'x', 'claim', '1*']
    const queries = [
      '*[[@, _id] match text::query($q)]._id',
      '*[_type == "person" && name match text::query($q)] | order(name asc) [0...5]._id',
      '*[headline match text::query($q) || name match text::query($q)]._id',
      '*[_type in ["article", "person"]] | score(boost(headline match text::query($q), 3), [@, _id] match text::query($q)) [_score > 0] [0...30] {_id, _score}',
      '*[_type in ["article", "person"]] | score(boost(headline match text::query($q), 3), [@, _id] match text::query($q)) [(_score > 0)] [0...30] {_id, _score}',
      '* | score(name match text::query($q) && !(name match text::query("1*")), _type == "person") [_score >= 1] [0...30] {_id, _score}',
      'count(*[[name, aliases] match text::query($q)])',
    ]
    let compared = 0
    for (const [i, first] of words.entries()) {
      const second = words[(i * 7 + 3) % words.length]!
      for (const q of [
        first,
        `${first} ${second}`,
        `${first} -${second}`,
        `"${first} ${second}"`,
      ]) {
        for (const query of queries) {
          for (const perspective of ['raw', 'published'] as const) {
            expect(engine.fetch(query, {q}, perspective).result).toEqual(
              scanning.fetch(query, {q}, perspective).result,
            )
            compared++
          }
        }
      }
    }
    expect(compared).toBe(560)
  })
})
