import {ArrowRightIcon} from '@sanity/icons/ArrowRight'
import {useEffect, useState} from 'react'
import {getPublishedId, useClient, type DocumentActionComponent} from 'sanity'
import {usePaneRouter} from 'sanity/structure'
import {reviewListById, reviewListQuery} from '../reviewLists.ts'
import {VALIDATION_API_VERSION} from '../validation.ts'
import {nextInList} from '../review/reviewQueue.ts'
import {useReviewDecision} from './useReviewDecision.ts'

/**
 * "Approve and next", on a claim opened from a review list ("Claims needing review", "Doubtful
 * claims"): approves it as Approve does, and once the approval has landed opens the claim that
 * followed it in that list, in the same pane. Anywhere else (a claim opened by link, another tool)
 * it is not offered.
 */
const ApproveAndNextAction: DocumentActionComponent = (props) => {
  const router = usePaneRouter()
  const client = useClient({apiVersion: VALIDATION_API_VERSION})
  const parentPaneId = router.routerPanesState[router.groupIndex - 1]?.[0]?.id
  const list = reviewListById(parentPaneId)
  const {blocked, pending, decide} = useReviewDecision(props.id, 'approved', props)
  const [advancing, setAdvancing] = useState(false)
  const [next, setNext] = useState<string | null | undefined>(undefined)
  const id = getPublishedId(props.id)

  // The list as it stands when the editor decides; the claim after this one is "next".
  useEffect(() => {
    if (!advancing || !list) return
    const subscription = client.observable
      .fetch<string[]>(reviewListQuery(list), list.params, {perspective: 'published'})
      .subscribe({
        next: (ids) => setNext(nextInList(ids, id) ?? null),
        error: () => setNext(null),
      })
    return () => subscription.unsubscribe()
  }, [advancing, client, id, list])

  // Move on only once the approval has landed, so it is never lost with the pane.
  useEffect(() => {
    if (!advancing || pending || next === undefined) return
    setAdvancing(false)
    if (next) router.replaceCurrent({id: next, params: {type: 'claim'}})
  }, [advancing, next, pending, router])

  if (!list) return null
  return {
    label: pending ? 'Approving…' : 'Approve and next',
    title: blocked ?? 'Approve the claim, publish it and open the next one in this list',
    icon: ArrowRightIcon,
    tone: 'positive',
    shortcut: 'Ctrl+Alt+N',
    disabled: pending || advancing || Boolean(blocked),
    onHandle: () => {
      setNext(undefined)
      setAdvancing(true)
      decide()
    },
  }
}
ApproveAndNextAction.displayName = 'ApproveAndNextClaimAction'

export const approveAndNextAction = ApproveAndNextAction
