import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {CloseCircleIcon} from '@sanity/icons/CloseCircle'
import type {ComponentType} from 'react'
import type {DocumentActionComponent, DocumentActionsResolver} from 'sanity'
import {approveAndNextAction} from './approveAndNext.ts'
import {useReviewDecision, type ReviewDecision} from './useReviewDecision.ts'

interface ReviewActionSpec {
  decision: ReviewDecision
  label: string
  pendingLabel: string
  title: string
  icon: ComponentType
  tone: 'positive' | 'critical'
}

/**
 * A review decision is one click that also publishes (`useReviewDecision`); disabled while the
 * document has validation errors, with the first error as the button's tooltip.
 */
function createReviewAction(spec: ReviewActionSpec): DocumentActionComponent {
  const ReviewAction: DocumentActionComponent = (props) => {
    const {blocked, pending, decide} = useReviewDecision(props.id, spec.decision, props)
    return {
      label: pending ? spec.pendingLabel : spec.label,
      title: blocked ?? spec.title,
      icon: spec.icon,
      tone: spec.tone,
      disabled: pending || Boolean(blocked),
      onHandle: decide,
    }
  }
  ReviewAction.displayName = `${spec.label}ClaimAction`
  return ReviewAction
}

export const approveClaimAction = createReviewAction({
  decision: 'approved',
  label: 'Approve',
  pendingLabel: 'Approving…',
  title: 'Mark the claim approved and publish it',
  icon: CheckmarkCircleIcon,
  tone: 'positive',
})

export const rejectClaimAction = createReviewAction({
  decision: 'rejected',
  label: 'Reject',
  pendingLabel: 'Rejecting…',
  title: 'Mark the claim rejected and publish it',
  icon: CloseCircleIcon,
  tone: 'critical',
})

/**
 * Puts Approve first (the pane's primary button) and Reject beside it on claims, and, when the
 * claim was opened from a review list, "Approve and next" after them; releases and history
 * revisions keep the stock actions only.
 */
export const claimReviewActions: DocumentActionsResolver = (prev, context) => {
  if (context.schemaType !== 'claim') return prev
  if (context.versionType !== 'draft' && context.versionType !== 'published') return prev
  return [approveClaimAction, rejectClaimAction, approveAndNextAction, ...prev]
}
