import {useCallback, useEffect, useState} from 'react'
import {
  getDraftId,
  useDocumentOperation,
  useSyncState,
  useValidationStatus,
  type SanityDocument,
} from 'sanity'
import {reviewBlockedReason} from './reviewGate.ts'
import {nextReviewStep, startDecision, type ReviewStage, type ReviewStep} from './reviewStages.ts'

export type ReviewDecision = 'approved' | 'rejected'

/** The claim's versions, as a document action or `useEditState` has them. */
export interface ClaimVersions {
  draft: SanityDocument | null | undefined
  published: SanityDocument | null | undefined
  ready: boolean
}

export interface ReviewDecisionState {
  /** Why the decision cannot be taken now (validation, already decided, loading), else undefined. */
  blocked: string | undefined
  /** The decision was asked for and has not landed in the published claim yet. */
  pending: boolean
  /** Validation of the latest edit is running and has found no error so far. */
  checking: boolean
  /**
   * Sets the review status and publishes. Asked while validation of the latest edit is still
   * running, it waits for the result and goes ahead only if the claim validates, as Sanity's
   * Publish does; refused for any other reason, it does nothing.
   */
  decide: () => void
}

/**
 * One review decision on claim `id`: it sets `reviewStatus` and publishes, so an editor never
 * leaves a claim approved in a draft nobody reads. Like Publish, it is refused while the version it
 * would publish (the draft when there is one) has validation errors, naming the first
 * (`reviewBlockedReason`). The Approve and Reject actions and the "Review claims" view share it.
 * The steps, and why the publish waits for sync and validation, are in `reviewStages.ts`.
 */
export function useReviewDecision(
  id: string,
  decision: ReviewDecision,
  versions: ClaimVersions,
): ReviewDecisionState {
  const {patch, publish} = useDocumentOperation(id, 'claim')
  const {isSyncing} = useSyncState(id, 'claim')
  const [stage, setStage] = useState<ReviewStage>('idle')
  const {draft, published, ready} = versions
  // Publishing removes the draft and carries the status: that is when the decision has landed.
  const landed = !draft && published?.reviewStatus === decision

  // `true` asks, as Publish does, that referenced documents be published too.
  const validationStatus = useValidationStatus(
    draft?._id ?? published?._id ?? getDraftId(id),
    'claim',
    true,
  )
  const invalid = reviewBlockedReason(validationStatus, decision)
  const blocked = landed
    ? `This claim is already ${decision}`
    : (invalid ??
      (patch.disabled || !ready ? `The claim cannot be ${decision} right now` : undefined))
  const hasErrors = validationStatus.validation.some((marker) => marker.level === 'error')
  const {isValidating} = validationStatus
  const checking = isValidating && !hasErrors

  const progress = {
    stage,
    decision,
    blocked: Boolean(blocked),
    hasErrors,
    isValidating,
    isSyncing,
    draft,
    validatedRevision: validationStatus.revision,
    landed,
  }
  const take = useCallback(
    (step: ReviewStep | undefined) => {
      if (!step) return
      setStage(step.stage)
      if (step.run === 'setStatus') patch.execute([{set: {reviewStatus: decision}}])
      if (step.run === 'publish') publish.execute()
    },
    [patch, publish, decision],
  )
  // Each report of the Studio (sync, validation, snapshots) may move the decision on one step;
  // taking it changes the stage, so a step is taken once.
  const next = nextReviewStep(progress)
  useEffect(() => take(next), [next, take])

  return {
    blocked,
    pending: stage !== 'idle',
    checking,
    decide: () =>
      take(
        startDecision({
          stage,
          landed,
          blocked: Boolean(blocked),
          canWaitForValidation: checking && !patch.disabled && ready,
        }),
      ),
  }
}
