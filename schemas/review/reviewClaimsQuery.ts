import {defineQuery} from 'groq'

/**
 * The claims of article `$id`, with what the "Review claims" view shows of each. Raw perspective:
 * drafts and published twins are merged by the caller (`latestVersions`). Plain GROQ for groq-js.
 */
export const reviewClaimsQuery = defineQuery(`*[_type == "claim" && article._ref == $id] {
  _id,
  statement,
  cue,
  reviewStatus,
  confidence,
  importDoubts,
  "kind": source.kind,
  "person": source.person->name,
  "organization": source.organization->name,
  "description": source.description,
  "plural": source.plural
}`)

/** The people and organizations among `$ids` (the ones an article body mentions), by name. */
export const reviewSourcesQuery = defineQuery(
  `*[_id in $ids && _type in ["person", "organization"]] | order(_type desc, name asc) {_id, _type, name}`,
)

export interface ReviewClaim {
  _id: string
  statement: string | null
  cue: string | null
  reviewStatus: string | null
  confidence: number | null
  importDoubts: string[] | null
  kind: string | null
  person: string | null
  organization: string | null
  description: string | null
  plural: boolean | null
}

export interface ReviewSource {
  _id: string
  _type: 'person' | 'organization'
  name: string | null
}
