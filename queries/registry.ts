import {articleBySlugQuery, articleJsonLdQuery, articleListQuery} from './articles.ts'
import {claimsCountQuery, claimsQuery} from './claims.ts'
import {organizationBySlugQuery, personBySlugQuery, placeBySlugQuery} from './entities.ts'
import {searchCountQuery, searchQuery} from './search.ts'

/** Every frontend query by its constant's name. */
export const queries = {
  articleListQuery,
  articleBySlugQuery,
  articleJsonLdQuery,
  personBySlugQuery,
  organizationBySlugQuery,
  placeBySlugQuery,
  claimsQuery,
  claimsCountQuery,
  searchQuery,
  searchCountQuery,
} as const

export type QueryName = keyof typeof queries

/** The page a list query returns when the caller names none. */
export const DEFAULT_PAGE = {offset: 0, limit: 20} as const

/** The most a list query returns at once: a frontend pages, it does not download the dataset. */
export const MAX_PAGE_SIZE = 100

/** Values a caller may leave out: the first page of a list, and "any" for the claim filters. */
const defaults: Partial<Record<QueryName, Record<string, unknown>>> = {
  articleListQuery: {...DEFAULT_PAGE},
  claimsQuery: {sourceKind: null, reviewStatus: null, articleSlug: null, ...DEFAULT_PAGE},
  claimsCountQuery: {sourceKind: null, reviewStatus: null, articleSlug: null},
  searchQuery: {...DEFAULT_PAGE},
}

/** The count query that goes with a paged list: same filters, no page (`claimsCountQuery`). */
const countQueries: Partial<Record<QueryName, QueryName>> = {
  claimsQuery: 'claimsCountQuery',
  searchQuery: 'searchCountQuery',
}

/**
 * For a paged list query, its count query and the parameters to run it with (the list's own, less
 * `$offset` and `$limit`); null for a query without one.
 */
export function countQueryFor(
  name: QueryName,
  params: Record<string, unknown>,
): {name: QueryName; query: string; params: Record<string, unknown>} | null {
  const count = countQueries[name]
  if (!count) return null
  const {offset: _offset, limit: _limit, ...filters} = params
  return {name: count, query: queries[count], params: filters}
}

/** "items 21–40 of 137 (page 2 of 7)": where a page of a list stands. */
export function describePage(shown: number, offset: number, limit: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, limit)))
  const page = Math.floor(offset / Math.max(1, limit)) + 1
  const items = shown
    ? `items ${offset + 1}–${offset + shown} of ${total}`
    : `no items (of ${total})`
  return `${items} (page ${page} of ${pages})`
}

/** A query asked for by a name that does not exist, or without a value it needs. */
export class QueryUsageError extends Error {
  override name = 'QueryUsageError'
}

/** The `$parameters` a query reads, in order of first use. Our queries hold no `$` inside strings. */
export function queryParameters(query: string): string[] {
  return [...new Set([...query.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!))]
}

/**
 * The query named `name` (with or without the `Query` suffix) and the full set of parameters it
 * needs: the given values over the defaults. Unknown names, missing values and values the query does
 * not read are refused with a one-line message that lists what exists.
 */
export function resolveQuery(
  name: string,
  given: Record<string, unknown> = {},
): {name: QueryName; query: string; params: Record<string, unknown>} {
  const names = Object.keys(queries) as QueryName[]
  const found = names.find((candidate) => candidate === name || candidate === `${name}Query`)
  if (!found) throw new QueryUsageError(`unknown query "${name}"; queries: ${names.join(', ')}`)

  const query = queries[found]
  const needed = queryParameters(query)
  const params = {...defaults[found], ...given}
  const unknown = Object.keys(given).filter((key) => !needed.includes(key))
  if (unknown.length) {
    throw new QueryUsageError(
      `${found} takes no parameter ${unknown.map((key) => `"${key}"`).join(', ')}; it takes ${describe(found, needed)}`,
    )
  }
  const missing = needed.filter((key) => !(key in params))
  if (missing.length) {
    throw new QueryUsageError(
      `${found} needs ${missing.map((key) => `--param ${key}=…`).join(' ')}; it takes ${describe(found, needed)}`,
    )
  }
  checkPage(found, params)
  return {name: found, query, params}
}

/** `$offset` and `$limit` are whole numbers, the limit at most `MAX_PAGE_SIZE`. */
function checkPage(name: QueryName, params: Record<string, unknown>): void {
  for (const key of ['offset', 'limit'] as const) {
    if (!(key in params)) continue
    const value = params[key]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new QueryUsageError(
        `${name}: ${key} must be a whole number ≥ 0 (got ${JSON.stringify(value)})`,
      )
  }
  if (typeof params.limit === 'number' && params.limit > MAX_PAGE_SIZE)
    throw new QueryUsageError(
      `${name}: limit is at most ${MAX_PAGE_SIZE} (got ${params.limit}); page with offset`,
    )
}

function describe(name: QueryName, needed: string[]): string {
  return parameterNotes(name, needed).join(', ')
}

/** Each parameter's name, with its default when it has one. */
function parameterNotes(name: QueryName, needed: string[]): string[] {
  const optional = defaults[name] ?? {}
  return needed.map((key) =>
    key in optional ? `${key} (default ${JSON.stringify(optional[key])})` : key,
  )
}

/** Every query, one a line, with the parameters it takes: what `npm run query` with no name prints. */
export function queryCatalogue(): string {
  const names = Object.keys(queries) as QueryName[]
  const width = Math.max(...names.map((name) => name.length))
  const lines = names.map((name) => {
    const needed = queryParameters(queries[name])
    return `  ${name.padEnd(width)}  ${
      needed.length
        ? parameterNotes(name, needed)
            .map((note) => `$${note}`)
            .join(', ')
        : '(no parameters)'
    }`
  })
  return [`${names.length} queries (npm run query -- NAME --param key=value ...):`, ...lines].join(
    '\n',
  )
}
