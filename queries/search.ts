import {defineQuery} from 'groq'

/** `$q` cut to 100 characters and stripped of `*`, once, before the scan (see `searchQuery`). */
const searchTerm = /* groq */ `{"term": array::join(string::split($q, "")[0...100][@ != "*"], "")}`

/** What a search finds: the enclosing scope's `term`, each word, the last also as a prefix. */
const searchFilter = /* groq */ `
      _type in ["article", "person", "place", "organization"]
      && (
        headline match (^.term + "*")
        || name match (^.term + "*")
        || aliases match (^.term + "*")
      )
    `

/**
 * Articles, people, places and organizations whose headline, name or alias matches `$q`, each word
 * as typed and the last one also as a prefix ("Va" finds "Vaez").
 *
 * The term is prepared once, in GROQ, before the scan: cut to 100 characters (so a huge `$q` costs
 * nothing per document) and stripped of `*`, so a visitor cannot turn the search into a wildcard
 * that lists everything. A term with no word characters matches nothing. One page at a time, as
 * `claimsQuery` (`$offset`, `$limit`; the comment inside the query is for TypeGen).
 */
export const searchQuery = defineQuery(`
  // window: [$offset...$limit]
  ${searchTerm}{
    "results": select(term match "*" => *[${searchFilter}]{
      _id,
      _type,
      "title": coalesce(name, headline),
      "slug": slug.current
    } | order(_type asc, title asc) [$offset...$offset + $limit], [])
  }.results
`)

/** How many results `searchQuery` pages through for `$q` (0 for a term with no word characters). */
export const searchCountQuery = defineQuery(`
  ${searchTerm}{
    "total": select(term match "*" => count(*[${searchFilter}]), 0)
  }.total
`)
