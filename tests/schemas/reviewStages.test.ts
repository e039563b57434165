import {describe, expect, it} from 'vitest'
import {
  nextReviewStep,
  startDecision,
  type ReviewProgress,
} from '../../schemas/actions/reviewStages.ts'

const quiet: ReviewProgress = {
  stage: 'idle',
  decision: 'approved',
  blocked: false,
  hasErrors: false,
  isValidating: false,
  isSyncing: false,
  draft: null,
  validatedRevision: undefined,
  landed: false,
}

describe('a review decision, step by step', () => {
  it('sets the status at once on a claim that validates, and waits on one still being validated', () => {
    const start = {
      stage: 'idle' as const,
      landed: false,
      blocked: false,
      canWaitForValidation: false,
    }
    expect(startDecision(start)).toEqual({stage: 'statusSet', run: 'setStatus'})
    expect(startDecision({...start, blocked: true, canWaitForValidation: true})).toEqual({
      stage: 'waitingForValidation',
    })
    expect(startDecision({...start, blocked: true})).toBeUndefined()
    expect(startDecision({...start, landed: true})).toBeUndefined()
    expect(startDecision({...start, stage: 'statusSet'})).toBeUndefined()
  })

  it('goes ahead after validation only if nothing blocks it', () => {
    const waiting = {...quiet, stage: 'waitingForValidation' as const}
    expect(nextReviewStep({...waiting, isValidating: true})).toBeUndefined()
    expect(nextReviewStep(waiting)).toEqual({stage: 'statusSet', run: 'setStatus'})
    expect(nextReviewStep({...waiting, blocked: true, hasErrors: true})).toEqual({stage: 'idle'})
  })

  it('publishes only once the draft carries the status, has synced and its own revision is validated', () => {
    const set = {
      ...quiet,
      stage: 'statusSet' as const,
      draft: {reviewStatus: 'approved', _rev: 'r2'},
      validatedRevision: 'r2',
    }
    expect(nextReviewStep(set)).toEqual({stage: 'publishSent', run: 'publish'})
    expect(nextReviewStep({...set, draft: {reviewStatus: 'extracted', _rev: 'r1'}})).toBeUndefined()
    expect(nextReviewStep({...set, isSyncing: true})).toBeUndefined()
    expect(nextReviewStep({...set, isValidating: true})).toBeUndefined()
    expect(nextReviewStep({...set, validatedRevision: 'r1'})).toBeUndefined()
    expect(nextReviewStep({...set, validatedRevision: undefined})).toEqual({
      stage: 'publishSent',
      run: 'publish',
    })
    // An error found in the new revision stops it: nothing is published.
    expect(nextReviewStep({...set, hasErrors: true})).toEqual({stage: 'idle'})
  })

  it('is done when the published claim carries the decision, and not before', () => {
    const sent = {...quiet, stage: 'publishSent' as const}
    expect(nextReviewStep(sent)).toBeUndefined()
    expect(nextReviewStep({...sent, landed: true})).toEqual({stage: 'idle'})
    expect(nextReviewStep(quiet)).toBeUndefined()
  })
})
