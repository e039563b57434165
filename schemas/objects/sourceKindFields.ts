import type {SourceKind} from '../vocabularies.ts'

/**
 * The reference each source kind names. A reference that does not match the kind is stale: the
 * reader would otherwise follow it (`coalesce(person, organization)`) and credit the wrong source.
 * The description, affiliation and "several sources" apply to every kind (for a named source the
 * description keeps the article's own words for it), so a switch of kind leaves them alone.
 */
export const NAMED_REFERENCE: Record<SourceKind, 'person' | 'organization' | undefined> = {
  person: 'person',
  organization: 'organization',
  unnamed: undefined,
}

const REFERENCE_FIELDS = ['person', 'organization'] as const

/** The reference fields `value` holds that a source of `kind` does not use. */
export function staleSourceFields(
  kind: string | undefined,
  value: Record<string, unknown> | undefined,
): ('person' | 'organization')[] {
  const keep = kind ? NAMED_REFERENCE[kind as SourceKind] : undefined
  return REFERENCE_FIELDS.filter((field) => field !== keep && value?.[field] !== undefined)
}

/** What a source's preview shows of it: the selected names and words, by path. */
export interface SourceLabelSelection {
  kind?: string
  person?: string
  organization?: string
  description?: string
  plural?: boolean
}

/**
 * The name a source goes by: the person or organization its kind names, saying so when none is
 * chosen yet (never falling back to the article's words, which would pass it off as unnamed), else
 * the article's description of an unnamed source.
 */
export function sourceLabel({
  kind,
  person,
  organization,
  description,
  plural,
}: SourceLabelSelection): string {
  if (kind === 'person') return person || 'No person chosen'
  if (kind === 'organization') return organization || 'No organization chosen'
  if (!kind) return description || 'Source not set'
  return description || (plural ? 'Unnamed sources' : 'Unnamed source')
}
