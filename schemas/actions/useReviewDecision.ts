import {useCallback, useEffect, useState} from 'react'
import {
  getDraftId,
  useDocumentOperation,
  useSyncState,
  useValidationStatus,
  type SanityDocument,
} from 'sanity'
import {reviewBlockedReason} from './reviewGate.ts'

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

/** Where a decision is: asked during validation, status set in the draft, publish sent. */
type Stage = 'idle' | 'waitingForValidation' | 'statusSet' | 'publishSent'

/**
 * One review decision on claim `id`: it sets `reviewStatus` and publishes, so an editor never
 * leaves a claim approved in a draft nobody reads. Like Publish, it is refused while the version it
 * would publish (the draft when there is one) has validation errors, naming the first
 * (`reviewBlockedReason`). The Approve and Reject actions and the "Review claims" view share it.
 *
 * The publish waits, as Sanity's PublishAction does, until the status change has synced to the
 * Content Lake and validation of that revision is done: sent at once, it can overtake the patch
 * and publish the draft without its new status.
 */
export function useReviewDecision(
  id: string,
  decision: ReviewDecision,
  versions: ClaimVersions,
): ReviewDecisionState {
  const {patch, publish} = useDocumentOperation(id, 'claim')
  const {isSyncing} = useSyncState(id, 'claim')
  const [stage, setStage] = useState<Stage>('idle')
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

  const setStatus = useCallback(() => {
    setStage('statusSet')
    patch.execute([{set: {reviewStatus: decision}}])
  }, [patch, decision])

  useEffect(() => {
    if (stage === 'waitingForValidation' && !isValidating) {
      if (blocked) setStage('idle')
      else setStatus()
    } else if (stage === 'statusSet' && draft?.reviewStatus === decision) {
      // Validation must be about the draft as it is now (as PublishAction checks), not before.
      const current =
        validationStatus.revision === undefined || validationStatus.revision === draft._rev
      if (isSyncing || isValidating || !current) return
      if (hasErrors) {
        setStage('idle')
        return
      }
      setStage('publishSent')
      publish.execute()
    } else if (stage === 'publishSent' && landed) {
      setStage('idle')
    }
  }, [
    stage,
    isValidating,
    isSyncing,
    blocked,
    hasErrors,
    draft,
    decision,
    landed,
    publish,
    setStatus,
    validationStatus.revision,
  ])

  return {
    blocked,
    pending: stage !== 'idle',
    checking,
    decide: () => {
      if (stage !== 'idle' || landed) return
      if (checking && !patch.disabled && ready) setStage('waitingForValidation')
      else if (!blocked) setStatus()
    },
  }
}
