// Projections shared by several queries. Each is a plain string so TypeGen can resolve it where it is
// interpolated; none takes a parameter of its own.

/** The fields a page needs to link to a person, place or organization. */
export const entityLinkFields = /* groq */ `_id, _type, name, "slug": slug.current`

/** The fields a page needs to link to an article. */
export const articleLinkFields = /* groq */ `
  _id,
  headline,
  "slug": slug.current,
  dek,
  publishedAt,
  "dateline": dateline->name`

/** A place with what a map or a link needs. */
export const placeFields = /* groq */ `
  ${entityLinkFields},
  kind,
  isoCode,
  location{lat, lng}`

/**
 * Where a claim comes from. `entity` is the named source (a person or an organization) whichever it
 * is, so a frontend links it without branching on `kind`; `name` is what to print: the entity's name,
 * or the reporter's description for an unnamed source.
 */
export const claimSourceProjection = /* groq */ `source{
  kind,
  description,
  plural,
  "entity": coalesce(person, organization)->{${entityLinkFields}},
  "affiliation": affiliation->{${entityLinkFields}}
}{
  kind,
  description,
  plural,
  "name": coalesce(entity.name, description),
  entity,
  affiliation
}`

/** A claim with its source and the entities it is about. */
export const claimFields = /* groq */ `
  _id,
  statement,
  cue,
  quoteType,
  hedging,
  verification,
  reviewStatus,
  confidence,
  saidAt,
  "source": ${claimSourceProjection},
  "about": about[]->{${entityLinkFields}}`

/**
 * The claims a reader may see: every claim an editor has not rejected. A claim with no review status
 * yet counts as public (GROQ's `!=` is true against a missing value), as a new import's claims do.
 */
export const publicClaimFilter = /* groq */ `reviewStatus != "rejected"`

/** Newest first; articles without a known date after all dated ones, then by headline. */
export const articleOrder = /* groq */ `order(defined(publishedAt) desc, publishedAt desc, headline asc)`

/** Claims outside an article's body order: dated ones newest first, then by statement. */
export const claimOrder = /* groq */ `order(defined(saidAt) desc, saidAt desc, statement asc)`
