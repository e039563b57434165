import {BlockquoteIcon} from '@sanity/icons/Blockquote'
import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {InboxIcon} from '@sanity/icons/Inbox'
import {LinkIcon} from '@sanity/icons/Link'
import {PinIcon} from '@sanity/icons/Pin'
import {UserIcon} from '@sanity/icons/User'
import {UsersIcon} from '@sanity/icons/Users'
import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import type {
  DefaultDocumentNodeResolver,
  StructureBuilder,
  StructureResolver,
} from 'sanity/structure'
import {IncomingReferencesView} from './components/IncomingReferencesView.tsx'
import {ReviewClaimsView} from './components/ReviewClaimsView.tsx'
import {DOUBTFUL_PEOPLE_FILTER} from './doubts.ts'
import {REVIEW_LISTS, type ReviewList} from './reviewLists.ts'
import {SOURCE_KINDS} from './vocabularies.ts'
import {VALIDATION_API_VERSION} from './validation.ts'
import {DOCUMENT_TYPE_NAMES, type SourcedNewsDocumentType} from './types.ts'

export {NEEDS_REVIEW_FILTER} from './reviewLists.ts'

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
  reviewClaims: 'Review claims',
  doubtfulImports: 'Doubtful imports',
  doubtfulClaims: 'Doubtful claims',
  doubtfulPeople: 'Doubtful people',
} as const

/** Types whose documents get the "Referenced by" view: the ones claims and articles point at. */
export const TYPES_WITH_INCOMING_REFERENCES = [
  'article',
  'person',
  'place',
  'organization',
] as const

/**
 * A list of claims to review: Sanity's "detail" rows (who said what; doubts, headline and
 * confidence; then the whole statement, see `claimPreview`), least confident first,
 * and the claim type's orderings (article, confidence, date) in the pane's sort menu.
 */
function claimReviewList(S: StructureBuilder, list: ReviewList, title: string) {
  return (
    S.documentList()
      .id(list.id)
      .title(title)
      .filter(list.filter)
      .params(list.params)
      .schemaType('claim')
      .apiVersion(VALIDATION_API_VERSION)
      .defaultLayout('detail')
      // The type icon would take a 73px square of every row from the words.
      .showIcons(false)
      .menuItems(S.orderingMenuItemsForType('claim'))
      // Least confident first: those are the extractions most likely to be wrong. The id breaks
      // ties, so "Approve and next" (reviewListQuery) walks the list in the order it shows.
      .defaultOrdering([
        {field: 'confidence', direction: 'asc'},
        {field: '_id', direction: 'asc'},
      ])
  )
}

function claimsList(S: StructureBuilder) {
  return S.list()
    .id('claims')
    .title(STRUCTURE_TITLES.claims)
    .items([
      S.listItem()
        .id(REVIEW_LISTS.claimsNeedingReview.id)
        .title(STRUCTURE_TITLES.claimsNeedingReview)
        .icon(InboxIcon)
        .child(
          claimReviewList(
            S,
            REVIEW_LISTS.claimsNeedingReview,
            STRUCTURE_TITLES.claimsNeedingReview,
          ),
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
                      .defaultLayout('detail')
                      .showIcons(false)
                      .menuItems(S.orderingMenuItemsForType('claim'))
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

/** What the importer was unsure of: undecided claims it doubted, and people it doubted were people. */
function doubtfulImportsList(S: StructureBuilder, has: (type: SourcedNewsDocumentType) => boolean) {
  const items = [
    has('claim') &&
      S.listItem()
        .id(REVIEW_LISTS.doubtfulClaims.id)
        .title(STRUCTURE_TITLES.doubtfulClaims)
        .icon(BlockquoteIcon)
        .child(claimReviewList(S, REVIEW_LISTS.doubtfulClaims, STRUCTURE_TITLES.doubtfulClaims)),
    has('person') &&
      S.listItem()
        .id('doubtful-people')
        .title(STRUCTURE_TITLES.doubtfulPeople)
        .icon(UserIcon)
        .child(
          S.documentList()
            .id('doubtful-people')
            .title(STRUCTURE_TITLES.doubtfulPeople)
            .schemaType('person')
            .apiVersion(VALIDATION_API_VERSION)
            .filter(DOUBTFUL_PEOPLE_FILTER),
        ),
  ].filter((item) => item !== false)
  return S.list().id('doubtful-imports').title(STRUCTURE_TITLES.doubtfulImports).items(items)
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
      (has('claim') || has('person')) &&
        S.listItem()
          .id('doubtful-imports')
          .title(STRUCTURE_TITLES.doubtfulImports)
          .icon(WarningOutlineIcon)
          .child(doubtfulImportsList(S, has)),
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
 * claims and articles (incoming references) one click from the form. An article also gets "Review
 * claims": its body beside its claims in body order, to approve or reject them in one pass.
 */
export const sourcedNewsDefaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) => {
  if (!(TYPES_WITH_INCOMING_REFERENCES as readonly string[]).includes(schemaType))
    return S.document()
  const review =
    schemaType === 'article'
      ? [
          S.view
            .component(ReviewClaimsView)
            .id('review')
            .title(STRUCTURE_TITLES.reviewClaims)
            .icon(CheckmarkCircleIcon),
        ]
      : []
  return S.document().views([
    S.view.form(),
    ...review,
    S.view
      .component(IncomingReferencesView)
      .id('references')
      .title(STRUCTURE_TITLES.incomingReferences)
      .icon(LinkIcon),
  ])
}
