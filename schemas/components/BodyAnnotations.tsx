import {useDocumentValues, type BlockAnnotationProps} from 'sanity'
import {claimAnnotationLook, mentionAnnotationLook, type AnnotationLook} from './annotationLook.ts'

function Styled({look, props}: {look: AnnotationLook; props: BlockAnnotationProps}) {
  return (
    <span data-annotation-review={look.review} title={look.title} style={look.style}>
      {props.renderDefault(props)}
    </span>
  )
}

/** Reads the claim's (published) review status, which Approve and Reject always publish. */
function ReviewedClaim({claimId, props}: {claimId: string; props: BlockAnnotationProps}) {
  const {value} = useDocumentValues<{reviewStatus?: string}>(claimId, ['reviewStatus'])
  return <Styled look={claimAnnotationLook(value?.reviewStatus)} props={props} />
}

/** A claim span in the article body, styled by the claim's review status. */
export function ClaimAnnotation(props: BlockAnnotationProps) {
  const claimId = (props.value as {claim?: {_ref?: string}} | undefined)?.claim?._ref
  if (!claimId) return <Styled look={claimAnnotationLook(undefined)} props={props} />
  return <ReviewedClaim claimId={claimId} props={props} />
}

/** An entity mention in the article body, styled apart from claims. */
export function MentionAnnotation(props: BlockAnnotationProps) {
  return <Styled look={mentionAnnotationLook} props={props} />
}
