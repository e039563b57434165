import type {CSSProperties} from 'react'
import {REVIEW_STATUSES, titleOf} from '../vocabularies.ts'

/** How a body annotation looks in the Studio, and what its tooltip says. */
export interface AnnotationLook {
  review: 'approved' | 'rejected' | 'pending' | 'mention'
  title: string
  style: CSSProperties
}

/**
 * A claim's span by its review status: approved green, rejected red and struck through, anything
 * else (not yet reviewed, or still loading) amber; an editor sees at a glance which claims are
 * done. Entity mentions are only underlined, in blue, so they never pass for claims.
 */
export function claimAnnotationLook(status: string | null | undefined): AnnotationLook {
  const label = titleOf(REVIEW_STATUSES, status) ?? 'Not reviewed'
  if (status === 'approved')
    return {
      review: 'approved',
      title: `Claim · ${label}`,
      style: {backgroundColor: 'rgba(67, 160, 71, 0.18)', borderBottom: '2px solid #43a047'},
    }
  if (status === 'rejected')
    return {
      review: 'rejected',
      title: `Claim · ${label}: readers see this as plain text`,
      style: {
        backgroundColor: 'rgba(229, 57, 53, 0.12)',
        borderBottom: '2px solid #e53935',
        textDecoration: 'line-through',
      },
    }
  return {
    review: 'pending',
    title: `Claim · ${label}`,
    style: {backgroundColor: 'rgba(255, 193, 7, 0.22)', borderBottom: '2px dashed #f9a825'},
  }
}

export const mentionAnnotationLook: AnnotationLook = {
  review: 'mention',
  title: 'Mention of a person, place or organization',
  style: {borderBottom: '1px dotted #1e88e5'},
}
