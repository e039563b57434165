import {defineQuery} from 'groq'

import {claimFields, claimOrder, publicClaimFilter} from './fragments.ts'

/**
 * Claims across articles for review desks and feeds. Each filter parameter narrows the list when it
 * is set and matches anything when it is null. The article is looked up by slug once, before the
 * scan, rather than by following every claim's reference. Rejected claims are never listed, whatever
 * `$reviewStatus` asks for: this is a public list.
 */
export const claimsQuery = defineQuery(`
  {"articleId": select($articleSlug != null => *[_type == "article" && slug.current == $articleSlug][0]._id)}{
    "claims": *[_type == "claim" && ${publicClaimFilter}
      && ($sourceKind == null || source.kind == $sourceKind)
      && ($reviewStatus == null || reviewStatus == $reviewStatus)
      && ($articleSlug == null || article._ref == ^.articleId)
    ] | ${claimOrder} {
      ${claimFields},
      "article": article->{_id, headline, "slug": slug.current, publishedAt}
    }
  }.claims
`)
