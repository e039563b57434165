import {Badge, Box, Button, Card, Flex, Heading, Select, Spinner, Stack, Text} from '@sanity/ui'
import {useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent} from 'react'
import {useDocumentOperation, useDocumentStore, useEditState} from 'sanity'
import type {UserViewComponent} from 'sanity/structure'
import {useReviewDecision, type ReviewDecision} from '../actions/useReviewDecision.ts'
import {attributionLine} from '../documents/claim.ts'
import {doubtFlag} from '../doubts.ts'
import {sourceLabel} from '../objects/sourceKindFields.ts'
import {claimOrderOf, latestVersions, sortByBodyOrder} from '../review/bodyOrder.ts'
import {bodyBlocks, mentionedEntityIds} from '../review/bodyText.ts'
import {
  reviewClaimsQuery,
  reviewSourcesQuery,
  type ReviewClaim,
  type ReviewSource,
} from '../review/reviewClaimsQuery.ts'
import {
  REVIEW_SHORTCUTS,
  awaitsReview,
  nextClaimToReview,
  reviewCommandFor,
  stepClaim,
} from '../review/reviewQueue.ts'
import {parseSourceChoice, sourceChoicePatches, sourceChoiceValue} from '../review/sourceChoice.ts'
import {VALIDATION_API_VERSION} from '../validation.ts'
import {REVIEW_STATUSES, titleOf} from '../vocabularies.ts'
import {claimAnnotationLook} from './annotationLook.ts'

type Load<T> =
  {status: 'loading'} | {status: 'error'; message: string} | {status: 'ready'; value: T}

/** A live query result: refetched when a matching document changes (the Studio's own listenQuery). */
type QueryParams = Record<string, string | string[]>

function useListenQuery<T>(query: string, params: QueryParams, raw: boolean): Load<T> {
  const documentStore = useDocumentStore()
  const [state, setState] = useState<Load<T>>({status: 'loading'})
  const key = JSON.stringify(params)
  useEffect(() => {
    const subscription = documentStore
      .listenQuery(query, JSON.parse(key) as QueryParams, {
        apiVersion: VALIDATION_API_VERSION,
        perspective: raw ? 'raw' : 'published',
        tag: 'sourced-news.review-claims',
      })
      .subscribe({
        next: (value: T) => setState({status: 'ready', value}),
        error: (error: unknown) =>
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          }),
      })
    return () => subscription.unsubscribe()
  }, [documentStore, query, key, raw])
  return state
}

/** Names of the keys the help line prints. */
const KEY_NAMES: Record<string, string> = {ArrowDown: '↓', ArrowUp: '↑'}

const shortcutHelp = REVIEW_SHORTCUTS.map(
  (shortcut) => `${shortcut.keys.map((key) => KEY_NAMES[key] ?? key).join(' / ')} ${shortcut.help}`,
)

/** What the decision controls of the selected claim expose to the view's key handler. */
interface DecisionControls {
  decide: (decision: ReviewDecision) => void
}

/**
 * The article view "Review claims": the body on the left, its claims in body order on the right.
 * Selecting a claim highlights its span; Approve / Reject (validated as the document actions are,
 * by `useReviewDecision`) publish the decision and move on to the next claim still to review; the
 * source can be changed to any person or organization the article mentions. Keys: see
 * REVIEW_SHORTCUTS, printed above the list.
 */
export const ReviewClaimsView: UserViewComponent = ({documentId, document}) => {
  const body = document.displayed?.body
  const order = useMemo(() => claimOrderOf(body), [body])
  const blocks = useMemo(() => bodyBlocks(body), [body])
  const mentioned = useMemo(() => mentionedEntityIds(body), [body])
  const claimsState = useListenQuery<ReviewClaim[]>(reviewClaimsQuery, {id: documentId}, true)
  const sourcesState = useListenQuery<ReviewSource[]>(reviewSourcesQuery, {ids: mentioned}, false)
  // Decisions that have landed, ahead of the query's next refetch; each is dropped once the query
  // shows it, so a later change of status (in the form, by someone else) shows as it is.
  const [decided, setDecided] = useState<Record<string, ReviewDecision>>({})
  useEffect(() => {
    if (claimsState.status !== 'ready') return
    const caughtUp = latestVersions(claimsState.value).filter(
      (claim) => decided[claim._id] && claim.reviewStatus === decided[claim._id],
    )
    if (caughtUp.length === 0) return
    setDecided((current) => {
      const left = {...current}
      for (const claim of caughtUp) delete left[claim._id]
      return left
    })
  }, [claimsState, decided])
  const claims = useMemo(() => {
    if (claimsState.status !== 'ready') return []
    return sortByBodyOrder(latestVersions(claimsState.value), order).map((claim) =>
      decided[claim._id] ? {...claim, reviewStatus: decided[claim._id]!} : claim,
    )
  }, [claimsState, order, decided])

  const [selectedId, setSelectedId] = useState<string | undefined>(undefined)
  const selected = claims.find((claim) => claim._id === selectedId)
  // Opening the view selects the first claim still to review and gives it the focus, so the keys
  // work at once; later selections take the focus only while it is in the view.
  const focusFirst = useRef(true)
  useEffect(() => {
    if (!selected && claims.length > 0)
      setSelectedId(claims.find((claim) => awaitsReview(claim.reviewStatus))?._id ?? claims[0]!._id)
  }, [claims, selected])

  const rootRef = useRef<HTMLDivElement>(null)
  // The selected claim's row takes the focus while the editor works in the view (so the keys keep
  // working after each step), and its span in the body scrolls into view.
  useEffect(() => {
    const root = rootRef.current
    if (!selectedId || !root) return
    const id = CSS.escape(selectedId)
    const row = root.querySelector<HTMLElement>(`[data-claim-id="${id}"]`)
    const active = root.ownerDocument.activeElement
    if (row && active !== row && (focusFirst.current || root.contains(active)))
      row.focus({preventScroll: true})
    focusFirst.current = false
    row?.scrollIntoView({block: 'nearest'})
    root.querySelector(`[data-claim-span="${id}"]`)?.scrollIntoView({block: 'center'})
  }, [selectedId])

  const controls = useRef<DecisionControls | null>(null)
  const onLanded = useCallback(
    (id: string, decision: ReviewDecision) => {
      setDecided((current) => ({...current, [id]: decision}))
      const next = nextClaimToReview(claims, id)
      if (next) setSelectedId(next)
    },
    [claims],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    if (target.closest('input, select, textarea, [contenteditable="true"]')) return
    const command = reviewCommandFor(event)
    if (!command) return
    event.preventDefault()
    if (command === 'approve') controls.current?.decide('approved')
    else if (command === 'reject') controls.current?.decide('rejected')
    else if (command === 'next') setSelectedId(stepClaim(claims, selectedId, 1))
    else if (command === 'previous') setSelectedId(stepClaim(claims, selectedId, -1))
    else setSelectedId(nextClaimToReview(claims, selectedId) ?? selectedId)
  }

  if (claimsState.status === 'loading')
    return (
      <Flex padding={4} gap={3} align="center">
        <Spinner muted />
        <Text muted>Loading the article's claims…</Text>
      </Flex>
    )
  if (claimsState.status === 'error')
    return (
      <Card margin={4} padding={4} tone="critical" border radius={2}>
        <Text>Could not load the article's claims: {claimsState.message}</Text>
      </Card>
    )

  const toReview = claims.filter((claim) => awaitsReview(claim.reviewStatus)).length
  return (
    <Flex
      ref={rootRef}
      onKeyDown={onKeyDown}
      data-testid="review-claims-view"
      style={{height: '100%', minHeight: 0}}
    >
      <Box flex={3} padding={4} overflow="auto" style={{minHeight: 0}} data-testid="review-body">
        <Stack gap={4}>
          {blocks.map((block) => (
            <Text
              key={block.key}
              as={block.style === 'h2' ? 'h2' : 'p'}
              size={block.style === 'h2' ? 3 : 2}
              weight={block.style === 'h2' ? 'semibold' : 'regular'}
              muted={block.style === 'blockquote'}
            >
              {block.listItem ? '• ' : null}
              {block.segments.map((segment) => {
                if (!segment.claimId) return <span key={segment.key}>{segment.text}</span>
                const claim = claims.find((c) => c._id === segment.claimId)
                const look = claimAnnotationLook(claim?.reviewStatus)
                const isSelected = segment.claimId === selectedId
                return (
                  <span
                    key={segment.key}
                    data-claim-span={segment.claimId}
                    data-selected={isSelected ? 'true' : undefined}
                    data-annotation-review={look.review}
                    title={look.title}
                    onClick={() => setSelectedId(segment.claimId)}
                    style={{
                      ...look.style,
                      cursor: 'pointer',
                      // A claim's span is cut into several runs where it names an entity: a
                      // shared background marks it whole, where an outline would box each run.
                      ...(isSelected
                        ? {
                            backgroundColor: 'rgba(34, 118, 252, 0.28)',
                            borderBottom: '2px solid #2276fc',
                          }
                        : {}),
                    }}
                  >
                    {segment.text}
                  </span>
                )
              })}
            </Text>
          ))}
        </Stack>
      </Box>
      <Card
        flex={2}
        borderLeft
        padding={3}
        overflow="auto"
        style={{minHeight: 0, minWidth: 320}}
        data-testid="review-claims"
      >
        <Stack gap={3}>
          <Heading as="h3" size={1}>
            {claims.length} claims · {toReview} to review
          </Heading>
          <Text size={1} muted data-testid="review-shortcuts">
            Keys: {shortcutHelp.join(' · ')}
          </Text>
          {claims.length === 0 ? <Text muted>No claim refers to this article yet.</Text> : null}
          {claims.map((claim) => {
            const isSelected = claim._id === selectedId
            return (
              <Stack key={claim._id} gap={2}>
                <Card
                  as="button"
                  padding={3}
                  radius={2}
                  border
                  tone={isSelected ? 'primary' : 'default'}
                  selected={isSelected}
                  data-claim-id={claim._id}
                  data-review-status={claim.reviewStatus ?? 'extracted'}
                  aria-current={isSelected ? 'true' : undefined}
                  onClick={() => setSelectedId(claim._id)}
                  style={{textAlign: 'left', width: '100%'}}
                >
                  <ClaimRow claim={claim} />
                </Card>
                {isSelected ? (
                  <ClaimDecisionBar
                    key={claim._id}
                    claimId={claim._id}
                    sources={sourcesState.status === 'ready' ? sourcesState.value : []}
                    currentName={sourceLabel(nonNull(claim))}
                    controls={controls}
                    onLanded={onLanded}
                  />
                ) : null}
              </Stack>
            )
          })}
        </Stack>
      </Card>
    </Flex>
  )
}

/** The selection `sourceLabel` reads, from a query row whose missing values are null. */
function nonNull(claim: ReviewClaim) {
  return {
    kind: claim.kind ?? undefined,
    person: claim.person ?? undefined,
    organization: claim.organization ?? undefined,
    description: claim.description ?? undefined,
    plural: claim.plural ?? undefined,
  }
}

function ClaimRow({claim}: {claim: ReviewClaim}) {
  const status = titleOf(REVIEW_STATUSES, claim.reviewStatus) ?? 'Extracted'
  const flag = doubtFlag(claim)
  return (
    <Stack gap={2}>
      <Text size={1} weight="medium">
        {attributionLine(
          {who: sourceLabel(nonNull(claim)), cue: claim.cue, statement: claim.statement},
          Infinity,
        )}
      </Text>
      <Flex gap={2} wrap="wrap" align="center">
        <Badge
          tone={
            claim.reviewStatus === 'approved'
              ? 'positive'
              : claim.reviewStatus === 'rejected'
                ? 'critical'
                : 'caution'
          }
        >
          {status}
        </Badge>
        {typeof claim.confidence === 'number' ? (
          <Text size={1} muted>
            confidence {claim.confidence.toFixed(2)}
          </Text>
        ) : null}
        {flag ? (
          <Text size={1} muted>
            {flag}
          </Text>
        ) : null}
      </Flex>
    </Stack>
  )
}

/**
 * Approve, Reject and the source of the selected claim. A decision is refused for the same reasons
 * as the document actions (shown beside the buttons); once it has landed the view moves on.
 */
function ClaimDecisionBar(props: {
  claimId: string
  sources: readonly ReviewSource[]
  currentName: string
  controls: {current: DecisionControls | null}
  onLanded: (id: string, decision: ReviewDecision) => void
}) {
  const {claimId, sources, currentName, controls, onLanded} = props
  const versions = useEditState(claimId, 'claim')
  const approve = useReviewDecision(claimId, 'approved', versions)
  const reject = useReviewDecision(claimId, 'rejected', versions)
  const {patch} = useDocumentOperation(claimId, 'claim')
  const [made, setMade] = useState<ReviewDecision | undefined>(undefined)
  const decisions = {approved: approve, rejected: reject}

  // Asked while validation runs, a decision waits for it (useReviewDecision); refused, nothing.
  const decide = (decision: ReviewDecision) => {
    const state = decisions[decision]
    if (state.pending || made) return
    if (state.blocked && !state.checking) return
    setMade(decision)
    state.decide()
  }
  // The key handler decides through these; a bar that goes away takes only its own controls along.
  useEffect(() => {
    const own = {decide}
    controls.current = own
    return () => {
      if (controls.current === own) controls.current = null
    }
  })

  const madePending = made ? decisions[made].pending : false
  const published = versions.published?.reviewStatus
  const hasDraft = Boolean(versions.draft)
  useEffect(() => {
    if (!made || madePending) return
    setMade(undefined)
    // Landed, or dropped because validation found an error: only a landed decision moves on.
    if (published === made && !hasDraft) onLanded(claimId, made)
  }, [claimId, made, madePending, onLanded, published, hasDraft])

  const source = (versions.draft ?? versions.published)?.source as
    Parameters<typeof sourceChoiceValue>[0] | undefined
  const current = sourceChoiceValue(source)
  const options = [
    ...sources.map((s) => ({
      value: `${s._type}:${s._id}`,
      title: `${s.name ?? s._id} (${s._type})`,
    })),
    {
      value: 'unnamed',
      title:
        current === 'unnamed'
          ? `Unnamed: ${currentName}`
          : 'Unnamed source (keeps its description)',
    },
  ]
  if (current && !options.some((option) => option.value === current))
    options.unshift({value: current, title: currentName})
  const reason = approve.blocked ?? reject.blocked

  return (
    <Card padding={3} radius={2} tone="transparent" border data-testid="review-decision">
      <Stack gap={3}>
        <Flex gap={2} wrap="wrap">
          <Button
            text={approve.pending ? 'Approving…' : 'Approve (a)'}
            tone="positive"
            disabled={Boolean(approve.blocked) || approve.pending || Boolean(made)}
            title={approve.blocked ?? 'Mark the claim approved and publish it'}
            onClick={() => decide('approved')}
            data-testid="review-approve"
          />
          <Button
            text={reject.pending ? 'Rejecting…' : 'Reject (r)'}
            tone="critical"
            mode="ghost"
            disabled={Boolean(reject.blocked) || reject.pending || Boolean(made)}
            title={reject.blocked ?? 'Mark the claim rejected and publish it'}
            onClick={() => decide('rejected')}
            data-testid="review-reject"
          />
        </Flex>
        {reason && !approve.pending && !reject.pending ? (
          <Text size={1} muted data-testid="review-blocked">
            {reason}
          </Text>
        ) : null}
        <Stack gap={2}>
          <Text size={1} weight="medium">
            Source
          </Text>
          <Select
            fontSize={1}
            value={current}
            onChange={(event) => {
              const choice = parseSourceChoice(event.currentTarget.value)
              if (choice) patch.execute(sourceChoicePatches(choice))
            }}
            data-testid="review-source"
          >
            {current ? null : <option value="">Choose a source…</option>}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.title}
              </option>
            ))}
          </Select>
        </Stack>
      </Stack>
    </Card>
  )
}
