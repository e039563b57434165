export {articleBySlugQuery, articleJsonLdQuery, articleListQuery} from './articles.ts'
export {claimsCountQuery, claimsQuery} from './claims.ts'
export {organizationBySlugQuery, personBySlugQuery, placeBySlugQuery} from './entities.ts'
export {searchCountQuery, searchQuery} from './search.ts'
export * from './fragments.ts'
export {
  DEFAULT_PAGE,
  MAX_PAGE_SIZE,
  QueryUsageError,
  countQueryFor,
  describePage,
  queries,
  queryCatalogue,
  queryParameters,
  resolveQuery,
  type QueryName,
} from './registry.ts'
