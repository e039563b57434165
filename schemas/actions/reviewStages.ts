/**
 * The steps of one review decision, as a pure function of what the Studio reports, so the order
 * (validate, set the status, wait for sync and validation, publish, see it land) is tested
 * without a Studio. `useReviewDecision` runs it.
 */
export type ReviewStage = 'idle' | 'waitingForValidation' | 'statusSet' | 'publishSent'

/** What the Studio says about the claim while a decision is under way. */
export interface ReviewProgress {
  stage: ReviewStage
  /** The decision being made ("approved" / "rejected"). */
  decision: string
  /** Why the decision is refused now (validation error, already decided, not ready), if it is. */
  blocked: boolean
  hasErrors: boolean
  isValidating: boolean
  /** The claim has local changes not yet acknowledged by the Content Lake. */
  isSyncing: boolean
  draft: {reviewStatus?: unknown; _rev?: string} | null | undefined
  /** The revision the last validation result is about, when the Studio says. */
  validatedRevision: string | undefined
  /** The published claim carries the decision and no draft is left. */
  landed: boolean
}

/** The next stage, and what to do on entering it; undefined: wait for the next report. */
export type ReviewStep = {stage: ReviewStage; run?: 'setStatus' | 'publish'}

/** What asking for the decision does: wait for validation, set the status, or nothing. */
export function startDecision(progress: {
  stage: ReviewStage
  landed: boolean
  blocked: boolean
  /** Validation is running and has found no error so far, and the claim can be edited. */
  canWaitForValidation: boolean
}): ReviewStep | undefined {
  if (progress.stage !== 'idle' || progress.landed) return undefined
  if (progress.canWaitForValidation) return {stage: 'waitingForValidation'}
  return progress.blocked ? undefined : {stage: 'statusSet', run: 'setStatus'}
}

/**
 * The step after `progress.stage`. The publish waits, as Sanity's PublishAction does, until the
 * draft carrying the new status has synced and its validation is done and current: sent at once,
 * it can overtake the patch and publish the draft without its new status.
 */
export function nextReviewStep(progress: ReviewProgress): ReviewStep | undefined {
  const {stage, draft} = progress
  if (stage === 'waitingForValidation') {
    if (progress.isValidating) return undefined
    return progress.blocked ? {stage: 'idle'} : {stage: 'statusSet', run: 'setStatus'}
  }
  if (stage === 'statusSet') {
    if (!draft || draft.reviewStatus !== progress.decision) return undefined
    const current =
      progress.validatedRevision === undefined || progress.validatedRevision === draft._rev
    if (progress.isSyncing || progress.isValidating || !current) return undefined
    return progress.hasErrors ? {stage: 'idle'} : {stage: 'publishSent', run: 'publish'}
  }
  if (stage === 'publishSent' && progress.landed) return {stage: 'idle'}
  return undefined
}
