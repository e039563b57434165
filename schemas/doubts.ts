import {IMPORT_DOUBTS, LOW_CONFIDENCE, UNREVIEWED_STATUSES, titleOf} from './vocabularies.ts'

/** What a preview or badge needs to know of a document's import doubts. */
export interface DoubtSelection {
  importDoubts?: readonly string[] | null
  confidence?: number | null
  /** A claim's review status: once an editor approves or rejects it, its doubts are settled. */
  reviewStatus?: string | null
}

/**
 * The doubts to show an editor, as words: those the importer recorded, and "Low confidence" for a
 * claim at or below LOW_CONFIDENCE even when an older import recorded none; none once the claim
 * is decided.
 */
export function doubtLabels({importDoubts, confidence, reviewStatus}: DoubtSelection): string[] {
  if (reviewStatus && !(UNREVIEWED_STATUSES as readonly string[]).includes(reviewStatus)) return []
  const values = [...(importDoubts ?? [])]
  if (typeof confidence === 'number' && confidence <= LOW_CONFIDENCE) values.push('lowConfidence')
  const labels = values.map((value) => titleOf(IMPORT_DOUBTS, value)).filter(Boolean) as string[]
  return [...new Set(labels)]
}

/** The flag a preview line starts with ("⚑ Low confidence, Source inferred from context"), if any. */
export function doubtFlag(selection: DoubtSelection): string | undefined {
  const labels = doubtLabels(selection)
  return labels.length ? `⚑ ${labels.join(', ')}` : undefined
}

/**
 * Claims still to review that the importer doubted: the "Doubtful imports" list. The same rule as
 * `doubtLabels`, in GROQ (plain enough for groq-js and the local Content Lake).
 */
export const DOUBTFUL_CLAIMS_FILTER =
  '_type == "claim" && (!defined(reviewStatus) || reviewStatus in $statuses) && (count(importDoubts) > 0 || confidence <= $lowConfidence)'

/** People the importer doubted were people at all. */
export const DOUBTFUL_PEOPLE_FILTER = '_type == "person" && count(importDoubts) > 0'

/** The parameters both filters take. */
export const DOUBTFUL_PARAMS = {
  statuses: [...UNREVIEWED_STATUSES],
  lowConfidence: LOW_CONFIDENCE,
} as const
