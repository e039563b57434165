// How the reader says things to an audience: quotation marks only for words a source actually
// said, review statuses and kinds as plain words, places by name.
import {ORGANIZATION_KINDS, PLACE_KINDS, titleOf} from '../schemas/vocabularies.ts'
import {html, type SafeHtml} from './html.ts'

/**
 * A claim's statement as the article reports it: a direct quote inside quotation marks, anything
 * else (indirect, mixed, unknown) as the paraphrase it is, with no marks that would put words in the
 * source's mouth.
 */
export function statementText(claim: {
  statement: string | null
  quoteType: string | null
}): SafeHtml {
  return claim.quoteType === 'direct'
    ? html`<q class="direct">${claim.statement}</q>`
    : html`<span class="paraphrase">${claim.statement}</span>`
}

/** What a review status tells a reader. Rejected claims never reach the reader. */
export function reviewWords(status: string | null | undefined): string {
  return status === 'approved' ? 'checked by an editor' : 'not yet checked by an editor'
}

/** A place's kind as a word ("City"), or nothing for an unknown kind. */
export const placeKind = (kind: string | null | undefined) => titleOf(PLACE_KINDS, kind) ?? ''

/** An organization's kind as a word ("Think tank"), or nothing for an unknown kind. */
export const organizationKind = (kind: string | null | undefined) =>
  titleOf(ORGANIZATION_KINDS, kind) ?? ''

/** The legend of the body's highlights, matching the colours in the layout's style. */
export const highlightLegend = html`<p class="legend" id="legend"><span class="swatch named">highlighted</span> a claim from a named person or organization · <span class="swatch unnamed">highlighted</span> a claim from an unnamed source · the number after each leads to its source. Only words in quotation marks are the source's own.</p>`
