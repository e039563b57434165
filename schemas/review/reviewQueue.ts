import {UNREVIEWED_STATUSES} from '../vocabularies.ts'

/** What the review view knows of one claim of the article. */
export interface QueuedClaim {
  _id: string
  reviewStatus?: string | null
}

/** Not yet approved or rejected: extracted by the importer, flagged for review, or never set. */
export function awaitsReview(status: string | null | undefined): boolean {
  return !status || (UNREVIEWED_STATUSES as readonly string[]).includes(status)
}

/**
 * The claim to go to after deciding `currentId`: the next one in `ordered` that still awaits
 * review, wrapping around to the start; undefined when none is left. The current claim never
 * counts, as its decision may not have reached `ordered` yet.
 */
export function nextClaimToReview(
  ordered: readonly QueuedClaim[],
  currentId: string | undefined,
): string | undefined {
  const start = ordered.findIndex((claim) => claim._id === currentId)
  for (let step = 1; step <= ordered.length; step++) {
    const claim = ordered[(start + step + ordered.length) % ordered.length]!
    if (claim._id !== currentId && awaitsReview(claim.reviewStatus)) return claim._id
  }
  return undefined
}

/** The claim `delta` places from `currentId` in `ordered` (j/k), staying at either end. */
export function stepClaim(
  ordered: readonly QueuedClaim[],
  currentId: string | undefined,
  delta: number,
): string | undefined {
  if (ordered.length === 0) return undefined
  const at = ordered.findIndex((claim) => claim._id === currentId)
  if (at === -1) return ordered[0]!._id
  return ordered[Math.min(ordered.length - 1, Math.max(0, at + delta))]!._id
}

/**
 * The id after `currentId` in a list of ids (a review list's order), wrapping to the start; when
 * `currentId` has already left the list, its first id. Undefined when nothing else is in it.
 */
export function nextInList(ids: readonly string[], currentId: string): string | undefined {
  const others = ids.filter((id) => id !== currentId)
  if (others.length === 0) return undefined
  const at = ids.indexOf(currentId)
  if (at === -1) return others[0]
  return ids.slice(at + 1).find((id) => id !== currentId) ?? others[0]
}

export type ReviewCommand = 'approve' | 'reject' | 'next' | 'previous' | 'nextToReview'

/** The view's keyboard shortcuts, shown in the view and read by its key handler. */
export const REVIEW_SHORTCUTS: readonly {
  keys: readonly string[]
  command: ReviewCommand
  help: string
}[] = [
  {keys: ['a'], command: 'approve', help: 'approve and go to the next claim to review'},
  {keys: ['r'], command: 'reject', help: 'reject and go to the next claim to review'},
  {keys: ['j', 'ArrowDown'], command: 'next', help: 'next claim'},
  {keys: ['k', 'ArrowUp'], command: 'previous', help: 'previous claim'},
  {keys: ['n'], command: 'nextToReview', help: 'next claim still to review'},
]

/** The command a key press stands for; none with a modifier held, so browser shortcuts still work. */
export function reviewCommandFor(event: {
  key: string
  altKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
}): ReviewCommand | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  return REVIEW_SHORTCUTS.find((shortcut) => shortcut.keys.includes(key))?.command
}
