import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {queries, queryParameters, resolveQuery} from '../../queries/index.ts'
import {bundledDocuments, openDataset, type OpenDataset} from './bundled.ts'

/** Parameters that name nothing in the dataset. */
const absent: Record<string, unknown> = {
  slug: 'nothing',
  q: 'nothing',
  offset: 0,
  limit: 20,
  sourceKind: null,
  reviewStatus: null,
  articleSlug: null,
}

const hostile = [
  `"`,
  `'`,
  `\\"`,
  `" || true || "`,
  `"] | *[_type != "`,
  `*`,
  `*[_type == "person"]`,
  `$slug`,
  `^._id`,
  `iran-pledges-retaliation" || slug.current != "`,
  `) || (true`,
  `// comment\n*`,
  `\u0000`,
  'x'.repeat(100_000),
  `${'a b '.repeat(20_000)}`,
]

describe('every query on an empty dataset', () => {
  let empty: OpenDataset
  beforeAll(async () => {
    empty = await openDataset([])
  })
  afterAll(() => empty?.close())

  test('answers with null for a page and an empty list for a list', async () => {
    const answers: Record<string, unknown> = {}
    for (const [name, query] of Object.entries(queries)) {
      answers[name] = await empty.target.fetch(
        query,
        resolveQuery(name, pick(absent, queryParameters(query))).params,
      )
    }
    expect(answers).toEqual({
      articleListQuery: [],
      articleBySlugQuery: null,
      articleJsonLdQuery: null,
      personBySlugQuery: null,
      organizationBySlugQuery: null,
      placeBySlugQuery: null,
      claimsQuery: [],
      claimsCountQuery: 0,
      searchQuery: [],
      searchCountQuery: 0,
    })
  })
})

describe('hostile parameters', () => {
  let dataset: OpenDataset
  let documentCount: number
  beforeAll(async () => {
    const documents = await bundledDocuments()
    documentCount = documents.length
    dataset = await openDataset(documents)
  })
  afterAll(() => dataset?.close())

  test('are values, never GROQ: slug pages find nothing and lists stay empty', async () => {
    for (const value of hostile) {
      for (const name of [
        'articleBySlugQuery',
        'articleJsonLdQuery',
        'personBySlugQuery',
        'organizationBySlugQuery',
        'placeBySlugQuery',
      ]) {
        expect(
          await dataset.target.fetch(queries[name as keyof typeof queries], {slug: value}),
        ).toBeNull()
      }
      for (const key of ['sourceKind', 'reviewStatus', 'articleSlug']) {
        expect(
          await dataset.target.fetch(queries.claimsQuery, {
            ...pick(absent, ['sourceKind', 'reviewStatus', 'articleSlug', 'offset', 'limit']),
            [key]: value,
          }),
        ).toEqual([])
      }
      expect(
        await dataset.target.fetch(queries.searchQuery, {q: value, offset: 0, limit: 20}),
      ).toEqual([])
    }
  })

  test('of the wrong type are refused by the list query and leave the dataset as it was', async () => {
    for (const value of [`0] | *[0`, '1', 1.5, null, {}]) {
      await expect(
        dataset.target.fetch(queries.articleListQuery, {offset: value, limit: 20}),
      ).rejects.toThrow()
    }
    expect(await dataset.target.fetch('count(*)', {})).toBe(documentCount)
  })

  test('a search of 100 kB answers quickly', async () => {
    const started = performance.now()
    await dataset.target.fetch(queries.searchQuery, {
      q: 'Iran '.repeat(20_000),
      offset: 0,
      limit: 20,
    })
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

function pick(values: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in values).map((key) => [key, values[key]]))
}
