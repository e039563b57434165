import type {ClaimsQueryResult, SearchQueryResult} from '../../sanity.types.ts'
import {entityLink} from '../format.ts'
import {html} from '../html.ts'
import {layout} from '../layout.ts'
import {claimList} from './claimList.ts'

export interface ClaimFilters {
  sourceKind: string | null
  reviewStatus: string | null
  articleSlug: string | null
}

const sourceKinds: [string, string][] = [
  ['person', 'a named person'],
  ['organization', 'a named organization'],
  ['unnamed', 'an unnamed source'],
]
// Rejected claims are never public, so there is nothing to filter them by.
const reviewStatuses: [string, string][] = [
  ['extracted', 'not yet checked (found by the importer)'],
  ['needsReview', 'not yet checked (waiting for an editor)'],
  ['approved', 'checked by an editor'],
]

/** A filter: each option's value is the query parameter, its text what a reader understands. */
function select(name: string, label: string, options: [string, string][], current: string | null) {
  return html`<label>${label} <select name="${name}"><option value="">any</option>${options.map(
    ([value, text]) =>
      html`<option value="${value}"${value === current ? ' selected' : ''}>${text}</option>`,
  )}</select></label>`
}

/** Where a list page stands: its number (from 0), its size, and how many items the list has. */
export interface Paging {
  page: number
  pageSize: number
  total: number
}

const pageCount = ({pageSize, total}: Paging) => Math.max(1, Math.ceil(total / pageSize))

/** "claims 21–40 of 137", or "0 claims". */
function range(noun: string, shown: number, {page, pageSize, total}: Paging): string {
  return shown
    ? `${noun} ${page * pageSize + 1}–${page * pageSize + shown} of ${total}`
    : `0 ${noun}`
}

/**
 * Links to the neighbouring pages of a list, keeping its other query-string values, and where this
 * page stands ("page 2 of 7"). A page past the end links back to the last one.
 */
function pager(path: string, query: Record<string, string | null>, paging: Paging) {
  const href = (to: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) search.set(key, value)
    search.set('page', String(to))
    return `${path}?${search}`
  }
  const {page} = paging
  const pages = pageCount(paging)
  const previous = Math.min(page - 1, pages - 1)
  return html`<nav>${page > 0 ? html`<a href="${href(previous)}">Previous</a> ` : ''}<span class="meta">page ${page + 1} of ${pages}</span>${page + 1 < pages ? html` <a href="${href(page + 1)}">Next</a>` : ''}</nav>`
}

/** One page of claims, with where it stands among all the claims the filters select. */
export function claimsPage(
  claims: ClaimsQueryResult,
  filters: ClaimFilters,
  paging: Paging,
): string {
  const body = html`
<h1>Claims</h1>
<form method="get" action="/claims">
${select('sourceKind', 'Source', sourceKinds, filters.sourceKind)}
${select('reviewStatus', 'Review', reviewStatuses, filters.reviewStatus)}
${filters.articleSlug ? html`<input type="hidden" name="article" value="${filters.articleSlug}">` : ''}
<button>Filter</button>
</form>
<p class="meta">${range('claims', claims.length, paging)}</p>
${claimList(claims, 'No claims match.')}
${pager('/claims', {sourceKind: filters.sourceKind, reviewStatus: filters.reviewStatus, article: filters.articleSlug}, paging)}`
  return layout({title: 'Claims', body})
}

const hitTypes: Record<string, string> = {
  article: 'Article',
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
}

export function searchPage(hits: SearchQueryResult, q: string, paging: Paging): string {
  const body = html`
<h1>Search</h1>
<form method="get" action="/search"><input type="search" name="q" value="${q}" aria-label="Search"> <button>Search</button></form>
${q ? html`<p class="meta">${range('results', hits.length, paging)} for “${q}”</p>` : ''}
<ul class="results">${hits.map(
    (hit) =>
      html`<li>${entityLink({_type: hit._type, name: hit.title, slug: hit.slug})} <span class="meta">${hitTypes[hit._type] ?? hit._type}</span></li>`,
  )}</ul>
${q ? pager('/search', {q}, paging) : ''}`
  return layout({title: q ? `Search: ${q}` : 'Search', body})
}

export function notFoundPage(what: string): string {
  return layout({
    title: 'Not found',
    body: html`<h1>Not found</h1><p>${what}</p><p><a href="/">All articles</a></p>`,
  })
}

export function errorPage(): string {
  return layout({
    title: 'Error',
    body: html`<h1>Something went wrong</h1><p>The page could not be built. <a href="/">All articles</a></p>`,
  })
}
