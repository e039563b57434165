import type {ClaimsQueryResult} from '../../sanity.types.ts'
import {sourceHref} from '../body.ts'
import {date, entityLink} from '../format.ts'
import {html, type SafeHtml} from '../html.ts'
import {articleHref, claimAnchor, sourceAnchor} from '../links.ts'
import {attributedStatement, reviewWords} from '../wording.ts'

/** The claim fields every list shows (the same projection in every query that lists claims). */
type ListedClaim = ClaimsQueryResult[number]

/** Where a claim's source link points when the claim is shown away from its article. */
function sourceLink(claim: ListedClaim): SafeHtml {
  const href = sourceHref(claim.source, claim._id)
  const onArticle = href.startsWith('#') && claim.article?.slug
  const target = onArticle
    ? `${articleHref(claim.article!.slug!)}#${sourceAnchor(claim.source?.entity?._id ?? claim._id)}`
    : href
  return html`<a href="${target}" data-claim-source="${claim._id}">${claim.source?.name ?? 'unknown source'}</a>`
}

/** Claims shown away from their article: statement, cue, source and a link back to the span. */
export function claimList(claims: ListedClaim[], empty = 'None.'): SafeHtml {
  if (!claims.length) return html`<p class="meta">${empty}</p>`
  return html`<ul class="claims">${claims.map(
    (claim) =>
      html`<li data-claim="${claim._id}" data-quote-type="${claim.quoteType ?? 'unknown'}">${attributedStatement(claim, sourceLink(claim))} <span class="meta">${
        claim.about?.length
          ? html`about ${claim.about.map((about, i) => html`${i ? ', ' : ''}${entityLink(about)}`)}`
          : ''
      }${
        claim.article?.slug
          ? html`${claim.about?.length ? '; ' : ''}in <a href="${articleHref(claim.article.slug)}#${claimAnchor(claim._id)}">${claim.article.headline}</a> (${date(claim.article.publishedAt)})`
          : ''
      }${claim.about?.length || claim.article?.slug ? ' · ' : ''}${reviewWords(claim.reviewStatus)}</span></li>`,
  )}</ul>`
}
