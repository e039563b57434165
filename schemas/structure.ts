import {BlockquoteIcon} from '@sanity/icons/Blockquote'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {InboxIcon} from '@sanity/icons/Inbox'
import {LinkIcon} from '@sanity/icons/Link'
import {PinIcon} from '@sanity/icons/Pin'
import {UserIcon} from '@sanity/icons/User'
import {UsersIcon} from '@sanity/icons/Users'
import type {
  DefaultDocumentNodeResolver,
  StructureBuilder,
  StructureResolver,
} from 'sanity/structure'
import {IncomingReferencesView} from './components/IncomingReferencesView.tsx'
import {SOURCE_KINDS, UNREVIEWED_STATUSES} from './vocabularies.ts'
import {VALIDATION_API_VERSION} from './validation.ts'
import {DOCUMENT_TYPE_NAMES, type SourcedNewsDocumentType} from './types.ts'

/** Titles of the Structure's lists; the browser tests find the panes by them. */
export const STRUCTURE_TITLES = {
  root: 'Sourced news',
  articles: 'Articles',
  claims: 'Claims',
  claimsNeedingReview: 'Claims needing review',
  claimsBySourceKind: 'By source kind',
  allClaims: 'All claims',
  people: 'People',
  places: 'Places',
  organizations: 'Organizations',
  incomingReferences: 'Referenced by',
} as const

/** Types whose documents get the "Referenced by" view: the ones claims and articles point at. */
export const TYPES_WITH_INCOMING_REFERENCES = [
  'article',
  'person',
  'place',
  'organization',
] as const

/** The claims an editor still has to look at: extracted by the importer, or flagged for review. */
export const NEEDS_REVIEW_FILTER =
  '_type == "claim" && (!defined(reviewStatus) || reviewStatus in $statuses)'

function claimsList(S: StructureBuilder) {
  return S.list()
    .id('claims')
    .title(STRUCTURE_TITLES.claims)
    .items([
      S.listItem()
        .id('claims-needing-review')
        .title(STRUCTURE_TITLES.claimsNeedingReview)
        .icon(InboxIcon)
        .child(
          S.documentList()
            .id('claims-needing-review')
            .title(STRUCTURE_TITLES.claimsNeedingReview)
            .schemaType('claim')
            .apiVersion(VALIDATION_API_VERSION)
            .filter(NEEDS_REVIEW_FILTER)
            .params({statuses: [...UNREVIEWED_STATUSES]})
            // Least confident first: those are the extractions most likely to be wrong.
            .defaultOrdering([{field: 'confidence', direction: 'asc'}]),
        ),
      S.listItem()
        .id('claims-by-source-kind')
        .title(STRUCTURE_TITLES.claimsBySourceKind)
        .icon(UsersIcon)
        .child(
          S.list()
            .id('claims-by-source-kind')
            .title(STRUCTURE_TITLES.claimsBySourceKind)
            .items(
              SOURCE_KINDS.map((kind) =>
                S.listItem()
                  .id(`claims-source-${kind.value}`)
                  .title(kind.title)
                  .child(
                    S.documentList()
                      .id(`claims-source-${kind.value}`)
                      .title(
                        `Claims from ${kind.value === 'unnamed' ? 'unnamed sources' : `${kind.value}s`}`,
                      )
                      .schemaType('claim')
                      .apiVersion(VALIDATION_API_VERSION)
                      .filter('_type == "claim" && source.kind == $kind')
                      .params({kind: kind.value}),
                  ),
              ),
            ),
        ),
      S.divider(),
      S.documentTypeListItem('claim').id('all-claims').title(STRUCTURE_TITLES.allClaims),
    ])
}

/**
 * The editors' Structure for the registered `types`: Articles; Claims ("Claims needing review"
 * first, then by source kind, then all); People; Places; Organizations.
 */
export function createSourcedNewsStructure(
  types: readonly SourcedNewsDocumentType[] = DOCUMENT_TYPE_NAMES,
): StructureResolver {
  const has = (type: SourcedNewsDocumentType) => types.includes(type)
  return (S) => {
    const items = [
      has('article') &&
        S.documentTypeListItem('article').title(STRUCTURE_TITLES.articles).icon(DocumentTextIcon),
      has('claim') &&
        S.listItem()
          .id('claims')
          .title(STRUCTURE_TITLES.claims)
          .icon(BlockquoteIcon)
          .child(claimsList(S)),
      has('person') &&
        S.documentTypeListItem('person').title(STRUCTURE_TITLES.people).icon(UserIcon),
      has('place') && S.documentTypeListItem('place').title(STRUCTURE_TITLES.places).icon(PinIcon),
      has('organization') &&
        S.documentTypeListItem('organization')
          .title(STRUCTURE_TITLES.organizations)
          .icon(UsersIcon),
    ].filter((item) => item !== false)
    return S.list().title(STRUCTURE_TITLES.root).items(items)
  }
}

/** The Structure for every type of the model. */
export const sourcedNewsStructure: StructureResolver = createSourcedNewsStructure()

/**
 * Documents that claims and articles point at get a second view, "Referenced by", listing those
 * claims and articles (incoming references) one click from the form.
 */
export const sourcedNewsDefaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) => {
  if (!(TYPES_WITH_INCOMING_REFERENCES as readonly string[]).includes(schemaType))
    return S.document()
  return S.document().views([
    S.view.form(),
    S.view
      .component(IncomingReferencesView)
      .id('references')
      .title(STRUCTURE_TITLES.incomingReferences)
      .icon(LinkIcon),
  ])
}
