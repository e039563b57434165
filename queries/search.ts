import {defineQuery} from 'groq'

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
  {"term": array::join(string::split($q, "")[0...100][@ != "*"], "")}{
    "results": select(term match "*" => *[
      _type in ["article", "person", "place", "organization"]
      && (
        headline match (^.term + "*")
        || name match (^.term + "*")
        || aliases match (^.term + "*")
      )
    ]{
      _id,
      _type,
      "title": coalesce(name, headline),
      "slug": slug.current
    } | order(_type asc, title asc) [$offset...$offset + $limit], [])
  }.results
`)
