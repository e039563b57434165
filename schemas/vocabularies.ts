/**
 * The closed vocabularies of the model. The schema's `options.list`s, the importer and the queries
 * share these values, so each list lives once, here.
 */
export interface Choice<V extends string = string> {
  readonly title: string
  readonly value: V
}

export const QUOTE_TYPES = [
  {title: 'Direct', value: 'direct'},
  {title: 'Indirect', value: 'indirect'},
  {title: 'Mixed', value: 'mixed'},
] as const satisfies readonly Choice[]

export const SOURCE_KINDS = [
  {title: 'Person', value: 'person'},
  {title: 'Organization', value: 'organization'},
  {title: 'Unnamed', value: 'unnamed'},
] as const satisfies readonly Choice[]

export const HEDGING_LEVELS = [
  {title: 'Asserted', value: 'asserted'},
  {title: 'Hedged', value: 'hedged'},
  {title: 'Speculative', value: 'speculative'},
] as const satisfies readonly Choice[]

export const VERIFICATION_STATES = [
  {title: 'Unverified', value: 'unverified'},
  {title: 'Corroborated', value: 'corroborated'},
  {title: 'Disputed', value: 'disputed'},
  {title: 'False', value: 'false'},
] as const satisfies readonly Choice[]

export const REVIEW_STATUSES = [
  {title: 'Extracted', value: 'extracted'},
  {title: 'Needs review', value: 'needsReview'},
  {title: 'Approved', value: 'approved'},
  {title: 'Rejected', value: 'rejected'},
] as const satisfies readonly Choice[]

/**
 * What the importer was unsure of, recorded on the claim or entity (`importDoubts`) so an editor
 * checks it first. Each value names one rule of `import/doubts.ts`.
 */
export const IMPORT_DOUBTS = [
  {title: 'Low confidence', value: 'lowConfidence'},
  {title: 'Source inferred from context', value: 'sourceInferred'},
  {title: 'Source may not be a person', value: 'sourceMayNotBePerson'},
  {title: 'May not be a person', value: 'mayNotBePerson'},
] as const satisfies readonly Choice[]

export const PLACE_KINDS = [
  {title: 'Country', value: 'country'},
  {title: 'City', value: 'city'},
  {title: 'Region', value: 'region'},
  {title: 'Territory', value: 'territory'},
  {title: 'Other', value: 'other'},
] as const satisfies readonly Choice[]

export const ORGANIZATION_KINDS = [
  {title: 'Government', value: 'government'},
  {title: 'Agency', value: 'agency'},
  {title: 'Military', value: 'military'},
  {title: 'Party', value: 'party'},
  {title: 'Company', value: 'company'},
  {title: 'NGO', value: 'ngo'},
  {title: 'Think tank', value: 'thinktank'},
  {title: 'Media', value: 'media'},
  {title: 'Armed group', value: 'armed_group'},
  {title: 'Other', value: 'other'},
] as const satisfies readonly Choice[]

export type QuoteType = (typeof QUOTE_TYPES)[number]['value']
export type SourceKind = (typeof SOURCE_KINDS)[number]['value']
export type Hedging = (typeof HEDGING_LEVELS)[number]['value']
export type Verification = (typeof VERIFICATION_STATES)[number]['value']
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]['value']
export type ImportDoubt = (typeof IMPORT_DOUBTS)[number]['value']
export type PlaceKind = (typeof PLACE_KINDS)[number]['value']
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]['value']

/** Review states that put a claim in the editors' "needing review" list. */
export const UNREVIEWED_STATUSES = [
  'extracted',
  'needsReview',
] as const satisfies readonly ReviewStatus[]

/**
 * A claim extracted at or below this confidence is flagged "Low confidence": the patterns the
 * importer trusts least (reporting nouns, unnamed sources, quotes far from their speaker) score
 * 0.6–0.7, the rest 0.75–0.9.
 */
export const LOW_CONFIDENCE = 0.7

/** The title of `value` in `choices`, or the value itself when it is not one of them. */
export function titleOf(choices: readonly Choice[], value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  return choices.find((choice) => choice.value === value)?.title ?? value
}

/** `options.list` wants a mutable array; the vocabularies stay readonly. */
export function listOf<C extends Choice>(choices: readonly C[]): C[] {
  return [...choices]
}
