import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse} from 'groq-js'
import {describe, expect, test} from 'vitest'

import * as exported from '../../queries/index.ts'
import {queries, queryParameters, resolveQuery} from '../../queries/index.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const names = Object.keys(queries)

describe('the queries module', () => {
  test('registers every exported …Query constant, each a defineQuery call in its source file', () => {
    const exportedQueries = Object.entries(exported)
      .filter(([name, value]) => name.endsWith('Query') && typeof value === 'string')
      .map(([name]) => name)
    expect(exportedQueries.sort()).toEqual([...names].sort())
    const sources = readdirSync(`${root}/queries`)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(`${root}/queries/${file}`, 'utf8'))
      .join('\n')
    for (const name of names)
      expect(sources).toMatch(new RegExp(`export const ${name} = defineQuery\\(`))
  })

  test('keeps to what groq-js runs: no text::query, no geo::, and every query parses', () => {
    for (const [name, query] of Object.entries(queries)) {
      expect(query, name).not.toMatch(/text::|geo::/)
      const params = Object.fromEntries(
        queryParameters(query).map((key) => [key, key === 'offset' || key === 'limit' ? 0 : 'x']),
      )
      expect(() => parse(query, {params}), name).not.toThrow()
    }
  })

  test('resolves names with or without the Query suffix and fills the optional parameters', () => {
    expect(resolveQuery('claims').params).toEqual({
      sourceKind: null,
      reviewStatus: null,
      articleSlug: null,
      offset: 0,
      limit: 20,
    })
    expect(resolveQuery('articleListQuery', {limit: 5}).params).toEqual({offset: 0, limit: 5})
    expect(resolveQuery('search', {q: 'x'}).params).toEqual({q: 'x', offset: 0, limit: 20})
    expect(() => resolveQuery('personBySlug')).toThrow('personBySlugQuery needs --param slug=…')
    expect(() => resolveQuery('claims', {limit: 101})).toThrow(
      'claimsQuery: limit is at most 100 (got 101); page with offset',
    )
    expect(() => resolveQuery('claims', {offset: -1})).toThrow(/offset must be a whole number/)
    expect(() => resolveQuery('articleList', {limit: '5'})).toThrow(/limit must be a whole number/)
    expect(() => resolveQuery('drop')).toThrow(/^unknown query "drop"; queries: articleListQuery, /)
  })

  test('has a TypeGen result type for every query in sanity.types.ts', () => {
    const file = `${root}/sanity.types.ts`
    expect(existsSync(file), 'run npm run typegen').toBe(true)
    const types = readFileSync(file, 'utf8')
    for (const name of names) {
      const typeName = `${name[0]!.toUpperCase()}${name.slice(1)}Result`
      expect(types, typeName).toMatch(new RegExp(`export type ${typeName} =`))
      expect(types, typeName).not.toMatch(
        new RegExp(`export type ${typeName} = (null|Array<never>);`),
      )
    }
  })
})
