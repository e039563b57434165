import {articleBySlugQuery, articleJsonLdQuery, articleListQuery} from './articles.ts'
import {claimsQuery} from './claims.ts'
import {organizationBySlugQuery, personBySlugQuery, placeBySlugQuery} from './entities.ts'
import {searchQuery} from './search.ts'

export {articleBySlugQuery, articleJsonLdQuery, articleListQuery} from './articles.ts'
export {claimsQuery} from './claims.ts'
export {organizationBySlugQuery, personBySlugQuery, placeBySlugQuery} from './entities.ts'
export {searchQuery} from './search.ts'
export * from './fragments.ts'
export {QueryUsageError, queryParameters, resolveQuery, type QueryName} from './registry.ts'

/** Every frontend query by its constant's name. */
export const queries = {
  articleListQuery,
  articleBySlugQuery,
  articleJsonLdQuery,
  personBySlugQuery,
  organizationBySlugQuery,
  placeBySlugQuery,
  claimsQuery,
  searchQuery,
} as const
