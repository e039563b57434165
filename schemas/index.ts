export {sourcedNews} from './plugin.ts'
export {
  DEFAULT_SOURCED_NEWS_OPTIONS,
  DEFAULT_STRUCTURE_TOOL,
  DOCUMENT_TYPE_NAMES,
  resolveSourcedNewsOptions,
  type ResolvedSourcedNewsOptions,
  type SourcedNewsDocumentType,
  type SourcedNewsOptions,
} from './types.ts'
export {
  NEEDS_REVIEW_FILTER,
  STRUCTURE_TITLES,
  createSourcedNewsStructure,
  sourcedNewsDefaultDocumentNode,
  sourcedNewsStructure,
} from './structure.ts'
export {documentTypes, objectTypes, schemaTypes} from './schemaTypes.ts'
export {article} from './documents/article.ts'
export {claim} from './documents/claim.ts'
export {person} from './documents/person.ts'
export {place} from './documents/place.ts'
export {organization} from './documents/organization.ts'
export {claimSource} from './objects/claimSource.ts'
export {role} from './objects/role.ts'
export {importProvenance} from './objects/importProvenance.ts'
export {claimRef} from './objects/claimRef.ts'
export {mention} from './objects/mention.ts'
export {IncomingReferencesView} from './components/IncomingReferencesView.tsx'
export {ReviewClaimsView} from './components/ReviewClaimsView.tsx'
export {importDoubtBadge, importDoubtBadges} from './badges/importDoubtBadge.ts'
export {approveAndNextAction} from './actions/approveAndNext.ts'
export {
  DOUBTFUL_CLAIMS_FILTER,
  DOUBTFUL_PARAMS,
  DOUBTFUL_PEOPLE_FILTER,
  doubtFlag,
  doubtLabels,
} from './doubts.ts'
export {REVIEW_LISTS} from './reviewLists.ts'
export {incomingReferencesQuery} from './components/incomingReferences.ts'
export * from './vocabularies.ts'
export {isUniqueSlugForType, slugify, SLUG_PATTERN} from './validation.ts'
