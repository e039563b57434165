import {defineQuery} from 'groq'

import {claimFields, claimOrder, publicClaimFilter} from './fragments.ts'

/** The article a claim list is limited to, looked up by slug once (null for every article). */
const claimListArticle = /* groq */ `{"articleId": select($articleSlug != null => *[_type == "article" && slug.current == $articleSlug][0]._id)}`

/** The claims a list shows: public ones, each filter applied when its parameter is set. */
const claimListFilter = /* groq */ `_type == "claim" && ${publicClaimFilter}
      && ($sourceKind == null || source.kind == $sourceKind)
      && ($reviewStatus == null || reviewStatus == $reviewStatus)
      && ($articleSlug == null || article._ref == ^.articleId)`

/**
 * Claims across articles for review desks and feeds. Each filter parameter narrows the list when it
 * is set and matches anything when it is null. The article is looked up by slug once, before the
 * scan, rather than by following every claim's reference. Rejected claims are never listed, whatever
 * `$reviewStatus` asks for: this is a public list. One page at a time: `$offset` and `$limit` are
 * non-negative integers (the CLI defaults them to 0 and 20 and refuses a limit over 100). The
 * comment inside the query is for TypeGen, as in `articleListQuery`.
 */
export const claimsQuery = defineQuery(`
  // window: [$offset...$limit]
  ${claimListArticle}{
    "claims": *[${claimListFilter}] | ${claimOrder} [$offset...$offset + $limit] {
      ${claimFields},
      "article": article->{_id, headline, "slug": slug.current, publishedAt}
    }
  }.claims
`)

/**
 * How many claims `claimsQuery` pages through with the same filters: what a frontend needs to say
 * "page 2 of 7". The same filter, so the two always agree.
 */
export const claimsCountQuery = defineQuery(`
  ${claimListArticle}{
    "total": count(*[${claimListFilter}])
  }.total
`)
