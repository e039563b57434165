// How the reader says things to an audience: quotation marks only for words a source actually
// said, review statuses and kinds as plain words, places by name.
import {ORGANIZATION_KINDS, PLACE_KINDS, titleOf} from '../schemas/vocabularies.ts'
import {html, type SafeHtml} from './html.ts'
import {capitalized, clauseText, reportFrame} from './reportedSpeech.ts'

/**
 * A claim as the article reports it, with its source: a direct quote inside quotation marks followed
 * by who said it ("“…” — said Ali Vaez"); anything else (indirect, mixed, unknown) as reported speech
 * ("Ali Vaez said …", "According to officials, …"), with no marks that would put words in the
 * source's mouth.
 */
export function attributedStatement(
  claim: {statement: string | null; quoteType: string | null; cue: string | null},
  source: SafeHtml,
): SafeHtml {
  const statement = claim.statement ?? ''
  const cue = claim.cue ?? ''
  if (claim.quoteType === 'direct')
    return html`<q class="direct">${statement}</q> <span class="meta">— ${cue} ${source}</span>`
  const frame = reportFrame(cue || 'said')
  const clause = clauseText(statement)
  return frame.kind === 'preposition'
    ? html`<span class="paraphrase">${capitalized(frame.cue)} ${source}, ${clause}</span>`
    : html`<span class="paraphrase">${source} ${frame.verb} ${clause}</span>`
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
