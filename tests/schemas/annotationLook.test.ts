import {describe, expect, it} from 'vitest'
import {
  claimAnnotationLook,
  mentionAnnotationLook,
} from '../../schemas/components/annotationLook.ts'

describe("the article body's annotations in the Studio", () => {
  it('look different for approved, rejected and not yet reviewed claims', () => {
    const approved = claimAnnotationLook('approved')
    const rejected = claimAnnotationLook('rejected')
    const pending = claimAnnotationLook('needsReview')
    expect([approved.review, rejected.review, pending.review]).toEqual([
      'approved',
      'rejected',
      'pending',
    ])
    expect(
      new Set([approved, rejected, pending].map((look) => look.style.backgroundColor)).size,
    ).toBe(3)
    expect(rejected.style.textDecoration).toBe('line-through')
    expect(rejected.title).toBe('Claim · Rejected: readers see this as plain text')
    expect(pending.title).toBe('Claim · Needs review')
    expect(claimAnnotationLook('extracted').review).toBe('pending')
    expect(claimAnnotationLook(undefined).title).toBe('Claim · Not reviewed')
  })

  it('set mentions apart from every claim: no background, a dotted underline', () => {
    expect(mentionAnnotationLook.style.backgroundColor).toBeUndefined()
    expect(mentionAnnotationLook.style.borderBottom).toContain('dotted')
    for (const status of ['approved', 'rejected', 'needsReview'])
      expect(claimAnnotationLook(status).style.borderBottom).not.toContain('dotted')
  })
})
