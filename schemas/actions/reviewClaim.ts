import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {CloseCircleIcon} from '@sanity/icons/CloseCircle'
import {useEffect, useState, type ComponentType} from 'react'
import {
  useDocumentOperation,
  type DocumentActionComponent,
  type DocumentActionsResolver,
} from 'sanity'

type ReviewDecision = 'approved' | 'rejected'

interface ReviewActionSpec {
  decision: ReviewDecision
  label: string
  pendingLabel: string
  title: string
  icon: ComponentType
  tone: 'positive' | 'critical'
}

/**
 * A review decision is one click: it sets `reviewStatus` and publishes, so an editor never leaves
 * a claim approved in a draft nobody reads.
 */
function createReviewAction(spec: ReviewActionSpec): DocumentActionComponent {
  const ReviewAction: DocumentActionComponent = (props) => {
    const {patch, publish} = useDocumentOperation(props.id, props.type)
    const [pending, setPending] = useState(false)
    // Publishing removes the draft: that is when the decision has landed.
    useEffect(() => {
      if (pending && !props.draft) setPending(false)
    }, [pending, props.draft])

    const current = (props.draft ?? props.published)?.reviewStatus
    const alreadyDecided = current === spec.decision && !props.draft
    return {
      label: pending ? spec.pendingLabel : spec.label,
      title: alreadyDecided ? `This claim is already ${spec.decision}` : spec.title,
      icon: spec.icon,
      tone: spec.tone,
      disabled: pending || alreadyDecided || Boolean(patch.disabled) || !props.ready,
      onHandle: () => {
        setPending(true)
        patch.execute([{set: {reviewStatus: spec.decision}}])
        publish.execute()
      },
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
 * Puts Approve first (the pane's primary button) and Reject beside it on claims; releases and
 * history revisions keep the stock actions only.
 */
export const claimReviewActions: DocumentActionsResolver = (prev, context) => {
  if (context.schemaType !== 'claim') return prev
  if (context.versionType !== 'draft' && context.versionType !== 'published') return prev
  return [approveClaimAction, rejectClaimAction, ...prev]
}
