import type {ValidationMarker} from 'sanity'

/** What the Studio's validation says about the document a review decision would publish. */
export interface ReviewValidation {
  isValidating: boolean
  validation: readonly Pick<ValidationMarker, 'level' | 'message'>[]
}

/**
 * Why a review decision may not be taken yet, or undefined when it may. A decision publishes, so it
 * refuses on the same grounds as Sanity's Publish: any validation error (warnings do not block), or
 * validation still running on the latest edit. The reason names the first error, so the editor sees
 * what to fix without opening the validation panel.
 */
export function reviewBlockedReason(
  status: ReviewValidation,
  decision: string,
): string | undefined {
  const errors = status.validation.filter((marker) => marker.level === 'error')
  if (errors.length) {
    const more = errors.length - 1
    const rest = more ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''
    return `Cannot be ${decision}: ${errors[0]!.message}${rest}`
  }
  if (status.isValidating) return 'Checking the claim…'
  return undefined
}
