// The article body through @portabletext/to-html, with each claim span marked and linked to its
// source, and each mention linked to the entity's page.
import {toHTML, type PortableTextMarkComponent} from '@portabletext/to-html'

import {html, trusted} from './html.ts'
import {claimAnchor, pageHref, sourceAnchor} from './links.ts'

/** A claim's source as the page queries expand it. */
export interface SourceLink {
  kind: string | null
  name: string | null
  entity: {_id: string; _type: string; name: string | null; slug: string | null} | null
}

/**
 * Where a claim's source link goes: the named source's own page, else its entry in the sources
 * panel (by entity id for a named source without a page, by claim id for an unnamed one).
 */
export function sourceHref(source: SourceLink | null, claimId: string): string {
  const entity = source?.kind !== 'unnamed' ? source?.entity : null
  if (entity) return pageHref(entity) ?? `#${sourceAnchor(entity._id)}`
  return `#${sourceAnchor(claimId)}`
}

interface ClaimRefValue {
  _type: 'claimRef'
  claim: {
    _id: string
    statement: string | null
    cue: string | null
    source: SourceLink | null
  } | null
}

interface MentionValue {
  _type: 'mention'
  entity: {_id: string; _type: string; name: string | null; slug: string | null} | null
}

/** Renders the body; `numbers` gives each claim id its footnote number (body order). */
export function renderBody(body: unknown[] | null, numbers: Map<string, number>): string {
  const anchored = new Set<string>()

  const claimRef: PortableTextMarkComponent<ClaimRefValue> = ({children, value}) => {
    const claim = value?.claim
    if (!claim) return children
    const source = claim.source
    // A statement split over several spans is marked in each, but only the first carries the anchor.
    const id = anchored.has(claim._id) ? null : claimAnchor(claim._id)
    anchored.add(claim._id)
    const label = [claim.cue, source?.name].filter(Boolean).join(' — ')
    return html`<mark class="claim"${id ? html` id="${id}"` : ''} data-claim-id="${claim._id}" data-source-kind="${source?.kind ?? 'unknown'}" title="${label}">${trusted(children)}</mark><sup class="claim-source"><a href="${sourceHref(source, claim._id)}" data-claim-source="${claim._id}" title="Source: ${source?.name ?? 'unknown'}">${numbers.get(claim._id) ?? '?'}</a></sup>`
      .value
  }

  const mention: PortableTextMarkComponent<MentionValue> = ({children, value}) => {
    const entity = value?.entity
    const href = pageHref(entity)
    if (!entity || !href) return children
    return html`<a class="mention" href="${href}" data-entity-id="${entity._id}">${trusted(children)}</a>`
      .value
  }

  return toHTML((body ?? []) as never[], {
    components: {marks: {claimRef, mention}},
    onMissingComponent: false,
  })
}
