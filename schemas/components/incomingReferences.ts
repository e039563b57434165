import {defineQuery} from 'groq'
import {latestVersions, sortByBodyOrder} from '../review/bodyOrder.ts'

export {claimOrderOf} from '../review/bodyOrder.ts'

/**
 * Documents that reference `$id`, with what the Studio's "Referenced by" view shows of them.
 * Plain GROQ (no `sanity::`/`text::`/`geo::`), so it runs on groq-js in the local Content Lake.
 * The result is in the raw perspective: drafts and published twins are merged by the caller.
 */
export const incomingReferencesQuery =
  defineQuery(`*[references($id)] | order(_type asc, _updatedAt desc) [0...$limit] {
  _id,
  _type,
  "title": select(_type == "claim" => statement, _type == "article" => headline, name),
  "who": coalesce(source.person->name, source.organization->name, source.description),
  cue,
  reviewStatus,
  "relation": select(
    source.person._ref == $id || source.organization._ref == $id => "source",
    source.affiliation._ref == $id => "affiliation",
    article._ref == $id => "article",
    $id in about[]._ref => "about",
    dateline._ref == $id => "dateline",
    $id in body[].markDefs[].entity._ref => "mention",
    "reference"
  )
}`)

export type ReferenceRelation =
  'source' | 'affiliation' | 'article' | 'about' | 'dateline' | 'mention' | 'reference'

export interface IncomingReference {
  _id: string
  _type: string
  title: string | null
  who: string | null
  cue: string | null
  reviewStatus: string | null
  relation: ReferenceRelation
}

/** How many referring documents the view loads; a person in thousands of claims needs a list pane, not this. */
export const INCOMING_REFERENCES_LIMIT = 200

export interface ReferenceSection {
  key: string
  title: string
  items: IncomingReference[]
}

/**
 * One entry per document (a draft wins over its published twin; release versions are left out),
 * grouped the way an editor asks: claims this entity is the source of, an article's claims in body
 * order (`claimOrder`, from `claimOrderOf`), claims about it, articles, then anything else.
 */
export function groupIncomingReferences(
  references: readonly IncomingReference[],
  claimOrder: readonly string[] = [],
): ReferenceSection[] {
  const sections: ReferenceSection[] = [
    {key: 'claims-source', title: 'Claims from this source', items: []},
    {key: 'claims-article', title: 'Claims in this article, in body order', items: []},
    {key: 'claims-about', title: 'Claims about it', items: []},
    {key: 'articles', title: 'Articles', items: []},
    {key: 'other', title: 'Other documents', items: []},
  ]
  const [fromSource, inArticle, about, articles, other] = sections as [
    ReferenceSection,
    ReferenceSection,
    ReferenceSection,
    ReferenceSection,
    ReferenceSection,
  ]
  for (const reference of latestVersions(references)) {
    if (reference._type === 'claim') {
      const section =
        reference.relation === 'source'
          ? fromSource
          : reference.relation === 'article'
            ? inArticle
            : about
      section.items.push(reference)
    } else if (reference._type === 'article') articles.items.push(reference)
    else other.items.push(reference)
  }
  inArticle.items = sortByBodyOrder(inArticle.items, claimOrder)
  return sections.filter((section) => section.items.length > 0)
}
