import {staleSourceFields} from '../objects/sourceKindFields.ts'

/** A source an editor picks in the review view: a person or organization the article names, or unnamed. */
export type SourceChoice = {kind: 'person' | 'organization'; id: string} | {kind: 'unnamed'}

interface SourceValue {
  kind?: string
  person?: {_ref?: string}
  organization?: {_ref?: string}
}

/** A choice as the value of the view's select: "person:person-ali-vaez", "unnamed". */
export function sourceChoiceValue(source: SourceValue | null | undefined): string {
  if (source?.kind === 'person' && source.person?._ref) return `person:${source.person._ref}`
  if (source?.kind === 'organization' && source.organization?._ref)
    return `organization:${source.organization._ref}`
  return source?.kind === 'unnamed' ? 'unnamed' : ''
}

/** The choice a select value stands for, or undefined for anything else. */
export function parseSourceChoice(value: string): SourceChoice | undefined {
  if (value === 'unnamed') return {kind: 'unnamed'}
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)]
  return (kind === 'person' || kind === 'organization') && id ? {kind, id} : undefined
}

/**
 * The patches that make the claim's source `choice`, as one change: the kind, the reference it
 * names, and an unset of the reference it no longer uses (as the source's own input does when the
 * kind changes). The description, affiliation and "several sources" stay.
 */
export function sourceChoicePatches(choice: SourceChoice): Record<string, unknown>[] {
  const unused = staleSourceFields(choice.kind, {person: true, organization: true}).map(
    (field) => `source.${field}`,
  )
  return [
    {setIfMissing: {source: {_type: 'claimSource'}}},
    {
      set: {
        'source.kind': choice.kind,
        ...(choice.kind === 'unnamed'
          ? {}
          : {[`source.${choice.kind}`]: {_type: 'reference', _ref: choice.id}}),
      },
    },
    {unset: unused},
  ]
}
