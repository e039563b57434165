import {DOUBTFUL_CLAIMS_FILTER, DOUBTFUL_PARAMS} from './doubts.ts'
import {UNREVIEWED_STATUSES} from './vocabularies.ts'

/** The claims an editor still has to look at: extracted by the importer, or flagged for review. */
export const NEEDS_REVIEW_FILTER =
  '_type == "claim" && (!defined(reviewStatus) || reviewStatus in $statuses)'

/** A list of claims an editor works through, one after the other. */
export interface ReviewList {
  id: string
  filter: string
  params: Record<string, unknown>
}

/**
 * The Structure's claim lists that "Approve and next" walks, by pane id. Both open least confident
 * first, the order "next" follows.
 */
export const REVIEW_LISTS = {
  claimsNeedingReview: {
    id: 'claims-needing-review',
    filter: NEEDS_REVIEW_FILTER,
    params: {statuses: [...UNREVIEWED_STATUSES]},
  },
  doubtfulClaims: {id: 'doubtful-claims', filter: DOUBTFUL_CLAIMS_FILTER, params: DOUBTFUL_PARAMS},
} as const satisfies Record<string, ReviewList>

/** The review list a pane id names, if any. */
export function reviewListById(id: string | undefined): ReviewList | undefined {
  return Object.values(REVIEW_LISTS).find((list) => list.id === id)
}

/** The query for the ids of `list` in its default order (least confident first). */
export function reviewListQuery(list: ReviewList): string {
  return `*[${list.filter}] | order(confidence asc, _id asc)._id`
}
