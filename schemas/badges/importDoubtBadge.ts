import type {DocumentBadgeComponent, DocumentBadgesResolver} from 'sanity'
import {doubtLabels} from '../doubts.ts'

/** Types the importer records doubts on. */
export const TYPES_WITH_IMPORT_DOUBTS = ['claim', 'person'] as const

/**
 * "Doubtful import" beside the document's status while the importer's doubts stand: on a claim until
 * an editor decides it, on a person until the doubts are cleared. The tooltip lists them.
 */
export const importDoubtBadge: DocumentBadgeComponent = (props) => {
  const doc = (props.draft ?? props.published) as {
    importDoubts?: string[]
    confidence?: number
    reviewStatus?: string
  } | null
  if (!doc) return null
  const labels = doubtLabels(doc)
  if (labels.length === 0) return null
  return {label: 'Doubtful import', title: labels.join('; '), color: 'warning'}
}

/** Adds the badge to claims and people, after the Studio's own badges. */
export const importDoubtBadges: DocumentBadgesResolver = (prev, context) =>
  (TYPES_WITH_IMPORT_DOUBTS as readonly string[]).includes(context.schemaType)
    ? [...prev, importDoubtBadge]
    : prev
