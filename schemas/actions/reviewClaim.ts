import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {CloseCircleIcon} from '@sanity/icons/CloseCircle'
import {useEffect, useState, type ComponentType} from 'react'
import {
  getDraftId,
  useDocumentOperation,
  useValidationStatus,
  type DocumentActionComponent,
  type DocumentActionsResolver,
} from 'sanity'
import {reviewBlockedReason} from './reviewGate.ts'

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
 * a claim approved in a draft nobody reads. Like Publish, it is disabled while the document has
 * validation errors, with the first error as the button's tooltip.
 */
function createReviewAction(spec: ReviewActionSpec): DocumentActionComponent {
  const ReviewAction: DocumentActionComponent = (props) => {
    const {patch, publish} = useDocumentOperation(props.id, props.type)
    const [pending, setPending] = useState(false)
    // Publishing removes the draft: that is when the decision has landed.
    useEffect(() => {
      if (pending && !props.draft) setPending(false)
    }, [pending, props.draft])

    // The version the decision publishes: the draft when there is one, as Publish validates it;
    // `true` asks, as Publish does, that referenced documents be published too.
    const validationStatus = useValidationStatus(
      props.draft?._id ?? props.published?._id ?? getDraftId(props.id),
      props.type,
      true,
    )
    const blocked = reviewBlockedReason(validationStatus, spec.decision)

    const current = (props.draft ?? props.published)?.reviewStatus
    const alreadyDecided = current === spec.decision && !props.draft
    return {
      label: pending ? spec.pendingLabel : spec.label,
      title: alreadyDecided ? `This claim is already ${spec.decision}` : (blocked ?? spec.title),
      icon: spec.icon,
      tone: spec.tone,
      disabled:
        pending || alreadyDecided || Boolean(blocked) || Boolean(patch.disabled) || !props.ready,
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
