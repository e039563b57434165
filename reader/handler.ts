// Routes a request to the one query its page needs and renders the result. Nothing here reads the
// dataset except through the queries in queries/.
import type {IncomingMessage, ServerResponse} from 'node:http'

import type {DatasetTarget} from '../lake/target.ts'
import {
  articleBySlugQuery,
  articleJsonLdQuery,
  articleListQuery,
  claimsCountQuery,
  claimsQuery,
  organizationBySlugQuery,
  personBySlugQuery,
  placeBySlugQuery,
  searchCountQuery,
  searchQuery,
} from '../queries/index.ts'
import type {
  ArticleBySlugQueryResult,
  ArticleJsonLdQueryResult,
  ArticleListQueryResult,
  ClaimsCountQueryResult,
  ClaimsQueryResult,
  OrganizationBySlugQueryResult,
  PersonBySlugQueryResult,
  PlaceBySlugQueryResult,
  SearchCountQueryResult,
  SearchQueryResult,
} from '../sanity.types.ts'
import {articlePage} from './pages/article.ts'
import {articleListPage} from './pages/articleList.ts'
import {organizationPage, personPage, placePage} from './pages/entities.ts'
import {claimsPage, errorPage, notFoundPage, searchPage} from './pages/lists.ts'

export const PAGE_SIZE = 20

export type ReaderHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>

interface Page {
  status: number
  html: string
}

const found = (html: string): Page => ({status: 200, html})
const missing = (what: string): Page => ({status: 404, html: notFoundPage(what)})

/** The `?page=` of a list (0 when absent or not a number), capped so an offset stays sane. */
function pageNumber(search: URLSearchParams): number {
  return Math.max(0, Math.min(10_000, Number.parseInt(search.get('page') ?? '0', 10) || 0))
}

/** A query-string value as a parameter: absent or empty means "any". */
const optional = (value: string | null) => (value ? value : null)

export function createReaderHandler(target: DatasetTarget): ReaderHandler {
  async function route(path: string, search: URLSearchParams): Promise<Page> {
    const page = pageNumber(search)
    const window = {offset: page * PAGE_SIZE, limit: PAGE_SIZE}
    if (path === '/' || path === '') {
      const articles = await target.fetch<ArticleListQueryResult>(articleListQuery, window)
      return found(articleListPage(articles, page, PAGE_SIZE))
    }
    if (path === '/claims') {
      const filters = {
        sourceKind: optional(search.get('sourceKind')),
        reviewStatus: optional(search.get('reviewStatus')),
        articleSlug: optional(search.get('article')),
      }
      // The page and how many claims it is one page of ("page 2 of 7"), with the same filters.
      const [claims, total] = await Promise.all([
        target.fetch<ClaimsQueryResult>(claimsQuery, {...filters, ...window}),
        target.fetch<ClaimsCountQueryResult>(claimsCountQuery, filters),
      ])
      return found(claimsPage(claims, filters, {page, pageSize: PAGE_SIZE, total}))
    }
    if (path === '/search') {
      const q = search.get('q') ?? ''
      const [hits, total] = q
        ? await Promise.all([
            target.fetch<SearchQueryResult>(searchQuery, {q, ...window}),
            target.fetch<SearchCountQueryResult>(searchCountQuery, {q}),
          ])
        : [[], 0]
      return found(searchPage(hits, q, {page, pageSize: PAGE_SIZE, total}))
    }
    const match = /^\/(articles|people|places|organizations)\/([^/]+)\/?$/.exec(path)
    if (!match) return missing('There is no page at this address.')
    let slug: string
    try {
      slug = decodeURIComponent(match[2]!)
    } catch {
      return missing('There is no page at this address.')
    }
    switch (match[1]) {
      case 'articles': {
        const [article, jsonLd] = await Promise.all([
          target.fetch<ArticleBySlugQueryResult>(articleBySlugQuery, {slug}),
          target.fetch<ArticleJsonLdQueryResult>(articleJsonLdQuery, {slug}),
        ])
        return article
          ? found(articlePage(article, jsonLd))
          : missing('No article has this address.')
      }
      case 'people': {
        const person = await target.fetch<PersonBySlugQueryResult>(personBySlugQuery, {slug})
        return person ? found(personPage(person)) : missing('No person has this address.')
      }
      case 'organizations': {
        const org = await target.fetch<OrganizationBySlugQueryResult>(organizationBySlugQuery, {
          slug,
        })
        return org ? found(organizationPage(org)) : missing('No organization has this address.')
      }
      default: {
        const place = await target.fetch<PlaceBySlugQueryResult>(placeBySlugQuery, {slug})
        return place ? found(placePage(place)) : missing('No place has this address.')
      }
    }
  }

  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {'allow': 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8'})
      response.end('Method not allowed\n')
      return
    }
    let page: Page
    try {
      const url = new URL(request.url ?? '/', 'http://reader.local')
      page = await route(url.pathname, url.searchParams)
    } catch (error) {
      console.error(
        `reader: ${request.url}: ${error instanceof Error ? error.message : String(error)}`,
      )
      page = {status: 500, html: errorPage()}
    }
    const body = Buffer.from(page.html, 'utf8')
    response.writeHead(page.status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  }
}
