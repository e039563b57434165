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

/** Links to the neighbouring pages of a list, keeping its other query-string values. */
function pager(path: string, query: Record<string, string | null>, page: number, full: boolean) {
  const href = (to: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) search.set(key, value)
    search.set('page', String(to))
    return `${path}?${search}`
  }
  return html`<nav>${page > 0 ? html`<a href="${href(page - 1)}">Previous</a> ` : ''}${full ? html`<a href="${href(page + 1)}">Next</a>` : ''}</nav>`
}

/** One page of claims; `claims.length` is this page's count, so a full page links to the next. */
export function claimsPage(
  claims: ClaimsQueryResult,
  filters: ClaimFilters,
  page: number,
  pageSize: number,
): string {
  const body = html`
<h1>Claims</h1>
<form method="get" action="/claims">
${select('sourceKind', 'Source', sourceKinds, filters.sourceKind)}
${select('reviewStatus', 'Review', reviewStatuses, filters.reviewStatus)}
${filters.articleSlug ? html`<input type="hidden" name="article" value="${filters.articleSlug}">` : ''}
<button>Filter</button>
</form>
<p class="meta">${claims.length ? `claims ${page * pageSize + 1}–${page * pageSize + claims.length}` : '0 claims'}</p>
${claimList(claims, 'No claims match.')}
${pager('/claims', {sourceKind: filters.sourceKind, reviewStatus: filters.reviewStatus, article: filters.articleSlug}, page, claims.length === pageSize)}`
  return layout({title: 'Claims', body})
}

const hitTypes: Record<string, string> = {
  article: 'Article',
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
}

export function searchPage(
  hits: SearchQueryResult,
  q: string,
  page: number,
  pageSize: number,
): string {
  const body = html`
<h1>Search</h1>
<form method="get" action="/search"><input type="search" name="q" value="${q}" aria-label="Search"> <button>Search</button></form>
${q ? html`<p class="meta">${hits.length ? `results ${page * pageSize + 1}–${page * pageSize + hits.length}` : '0 results'} for “${q}”</p>` : ''}
<ul class="results">${hits.map(
    (hit) =>
      html`<li>${entityLink({_type: hit._type, name: hit.title, slug: hit.slug})} <span class="meta">${hitTypes[hit._type] ?? hit._type}</span></li>`,
  )}</ul>
${q ? pager('/search', {q}, page, hits.length === pageSize) : ''}`
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
