import {describe, expect, it} from 'vitest'
import {reviewBlockedReason} from '../../schemas/actions/reviewGate.ts'
import {valid, validDataset, validate, withChanges} from './helpers.ts'

/** Sanity's own validation of `document`, in the shape useValidationStatus reports once done. */
async function settled(document: Record<string, unknown>) {
  return {isValidating: false, validation: await validate(document, validDataset)}
}

describe('Approve and Reject refuse a claim that does not validate', () => {
  it('names the missing person of a new person-source claim with no article, and counts the rest', async () => {
    const claim = withChanges(valid.claim, {
      _id: 'drafts.claim-new-00000000',
      source: {_type: 'claimSource', kind: 'person'},
      article: undefined,
    })
    expect(reviewBlockedReason(await settled(claim), 'approved')).toBe(
      'Cannot be approved: A person source needs the person it names (and 1 more problem)',
    )
  })

  it('names the first of several errors, or the one error alone', async () => {
    const claim = withChanges(valid.claim, {source: undefined})
    const status = await settled(claim)
    expect(status.validation.filter((marker) => marker.level === 'error').length).toBe(2)
    expect(reviewBlockedReason(status, 'rejected')).toBe(
      'Cannot be rejected: A claim must have a source (and 1 more problem)',
    )
    const unnamed = withChanges(valid.claim, {
      source: {_type: 'claimSource', kind: 'unnamed', description: ' '},
    })
    expect(reviewBlockedReason(await settled(unnamed), 'rejected')).toBe(
      'Cannot be rejected: An unnamed source needs a description of who it is',
    )
  })

  it('lets a valid claim through, and warnings do not block', async () => {
    expect(reviewBlockedReason(await settled(valid.claim), 'approved')).toBeUndefined()
    const warned = {
      isValidating: false,
      validation: [{level: 'warning' as const, message: 'Looks short'}],
    }
    expect(reviewBlockedReason(warned, 'approved')).toBeUndefined()
  })

  it('waits while validation of the latest edit is still running', () => {
    expect(reviewBlockedReason({isValidating: true, validation: []}, 'approved')).toBe(
      'Checking the claim…',
    )
  })
})
