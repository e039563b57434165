import {defineQuery} from 'groq'

import {
  articleOrder,
  claimFields,
  entityLinkFields,
  placeFields,
  publicClaimFilter,
} from './fragments.ts'

/**
 * One page of the article list, newest first. `$offset` and `$limit` must be non-negative integers.
 *
 * Claim counts come from the body's claim annotations (one lookup by id each) rather than a pass over
 * every claim per listed article; the import marks every claim it writes.
 *
 * The comment inside the query is for TypeGen: it only recognises `[$a...$b]` slices, and reads the
 * parameters named there as numbers before it parses the real slice below.
 */
export const articleListQuery = defineQuery(`
  // window: [$offset...$limit]
  *[_type == "article"] | ${articleOrder} [$offset...$offset + $limit] {
    _id,
    headline,
    "slug": slug.current,
    dek,
    publishedAt,
    "dateline": dateline->name,
    "claimKinds": coalesce(((body[].markDefs[_type == "claimRef"].claim->{reviewStatus, "kind": source.kind})[${publicClaimFilter}].kind)[defined(@)], [])
  }{
    _id,
    headline,
    slug,
    dek,
    publishedAt,
    dateline,
    "claimCount": count(claimKinds),
    "unnamedShare": select(count(claimKinds) > 0 => count(claimKinds[@ == "unnamed"]) / count(claimKinds))
  }
`)

/** How a claim annotation in the body reads: enough to label the span and link its source. */
const claimRefClaimFields = /* groq */ `
  _id,
  statement,
  cue,
  "source": source{
    kind,
    description,
    "entity": coalesce(person, organization)->{${entityLinkFields}}
  }{kind, "name": coalesce(entity.name, description), entity}`

/** The article's own fields, carried unchanged through the later projections. */
const articlePageFields = /* groq */ `
  _id,
  headline,
  slug,
  dek,
  publishedAt,
  publisher,
  canonicalUrl,
  dateline,
  body,
  claims`

/**
 * The whole article page, in three projections:
 * 1. the article with its body expanded and its claims in the order their spans appear, plus the ids
 *    of every entity mentioned or quoted;
 * 2. those entities, found with one pass over each entity type (an `in` against the gathered ids)
 *    instead of one lookup per mention, each with how often it is mentioned and which claims it is
 *    the source of (one `_type` per pass, so the local lake scans only that type);
 * 3. the entities split by type, the sources panel and the sourcing summary.
 * Rejected claims are left out of every list and count; a rejected claim's annotation in the body keeps
 * its key but its `claim` is null, so the reader shows the span as plain text.
 */
export const articleBySlugQuery = defineQuery(`
  *[_type == "article" && slug.current == $slug][0]{
    _id,
    headline,
    "slug": slug.current,
    dek,
    publishedAt,
    publisher,
    canonicalUrl,
    "dateline": dateline->{${placeFields}},
    "body": body[]{
      ...,
      markDefs[]{
        ...,
        _type == "claimRef" => {"claim": select(claim->${publicClaimFilter} => claim->{${claimRefClaimFields}})},
        _type == "mention" => {"entity": entity->{${entityLinkFields}}}
      }
    },
    "claims": coalesce((body[].markDefs[_type == "claimRef"].claim->{${claimFields}})[defined(_id) && ${publicClaimFilter}], []),
    "mentionRefs": coalesce(body[].markDefs[_type == "mention"].entity._ref, []),
    "mentionIds": coalesce(array::unique(body[].markDefs[_type == "mention"].entity._ref), []),
    "sourceRefs": coalesce((body[].markDefs[_type == "claimRef"].claim->)[${publicClaimFilter}].source{"ref": coalesce(person._ref, organization._ref)}.ref, [])
  }{
    ${articlePageFields},
    "entities": (
      *[_type == "person" && (_id in ^.mentionIds || _id in ^.sourceRefs)]
      + *[_type == "place" && _id in ^.mentionIds]
      + *[_type == "organization" && (_id in ^.mentionIds || _id in ^.sourceRefs)]
    ) | order(name asc) {
      ${entityLinkFields},
      description,
      kind,
      location{lat, lng},
      roles[]{title, from, to, "organization": organization->{${entityLinkFields}}},
      "nationality": nationality->{${entityLinkFields}},
      "containedIn": containedIn->{${entityLinkFields}},
      "country": country->{${entityLinkFields}},
      "mentions": count(^.mentionRefs[@ == ^._id]),
      "claims": ^.claims[source.entity._id == ^._id]._id
    }
  }{
    ${articlePageFields},
    "people": entities[_type == "person" && mentions > 0]{
      _id, _type, name, slug, description, roles, nationality, mentions
    },
    "places": entities[_type == "place" && mentions > 0]{
      _id, _type, name, slug, kind, location, containedIn, mentions
    },
    "organizations": entities[_type == "organization" && mentions > 0]{
      _id, _type, name, slug, kind, country, mentions
    },
    "sources": {
      "named": entities[_type in ["person", "organization"] && count(claims) > 0]{_id, _type, name, slug, claims},
      "unnamed": claims[source.kind == "unnamed"]{_id, "description": coalesce(source.description, "an unnamed source")}
    },
    "sourcing": {
      "claims": count(claims),
      "person": count(claims[source.kind == "person"]),
      "organization": count(claims[source.kind == "organization"]),
      "unnamed": count(claims[source.kind == "unnamed"]),
      "named": count(claims[source.kind in ["person", "organization"]]),
      "namedShare": select(count(claims) > 0 => count(claims[source.kind in ["person", "organization"]]) / count(claims)),
      "unnamedShare": select(count(claims) > 0 => count(claims[source.kind == "unnamed"]) / count(claims))
    }
  }
`)

/** A place as schema.org describes it, typed by our `kind`, with coordinates when known. */
const placeJsonLdFields = /* groq */ `
  "@type": select(kind == "country" => "Country", kind == "city" => "City", "Place"),
  "name": name,
  defined(location.lat) && defined(location.lng) => {
    "geo": {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lng}
  }`

/** The schema.org type of an organization, by our `kind`. */
const organizationJsonLdType = /* groq */ `select(
  kind in ["government", "agency"] => "GovernmentOrganization",
  kind == "ngo" => "NGO",
  kind == "media" => "NewsMediaOrganization",
  "Organization"
)`

/**
 * The article as a schema.org NewsArticle. Every optional property is added by a conditional
 * projection, so an unknown value is left out rather than written as null. Named sources become the
 * claim's Person or Organization author; an unnamed source is only described, as a Thing, because
 * the article does not say whether it is a person or a body.
 */
export const articleJsonLdQuery = defineQuery(`
  *[_type == "article" && slug.current == $slug][0]{
    headline,
    dek,
    publishedAt,
    publisher,
    canonicalUrl,
    "dateline": dateline->{name, kind, location},
    "mentionIds": coalesce(array::unique(body[].markDefs[_type == "mention"].entity._ref), []),
    "claims": coalesce((body[].markDefs[_type == "claimRef"].claim->{
      statement,
      saidAt,
      "kind": source.kind,
      "description": source.description,
      "entity": coalesce(source.person, source.organization)->{_type, name, kind, sameAs},
      reviewStatus
    })[defined(statement) && ${publicClaimFilter}], [])
  }{
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline,
    defined(publishedAt) => {"datePublished": publishedAt},
    defined(dek) => {"description": dek},
    defined(canonicalUrl) => {"url": canonicalUrl},
    defined(publisher) => {"publisher": {"@type": "Organization", "name": publisher}},
    defined(dateline.name) => {
      "dateline": dateline.name,
      "contentLocation": dateline{${placeJsonLdFields}}
    },
    "mentions": (
      *[_type == "organization" && _id in ^.mentionIds]
      + *[_type == "person" && _id in ^.mentionIds]
      + *[_type == "place" && _id in ^.mentionIds]
    ) | order(_type asc, name asc) {
      _type == "person" => {"@type": "Person", "name": name},
      _type == "organization" => {"@type": ${organizationJsonLdType}, "name": name},
      _type == "place" => {${placeJsonLdFields}},
      count(sameAs) > 0 => {"sameAs": sameAs}
    },
    "hasPart": claims[]{
      "@type": "Claim",
      "text": statement,
      defined(saidAt) => {"dateCreated": saidAt},
      "author": select(
        entity._type == "person" => entity{
          "@type": "Person",
          "name": name,
          count(sameAs) > 0 => {"sameAs": sameAs}
        },
        entity._type == "organization" => entity{
          "@type": ${organizationJsonLdType},
          "name": name,
          count(sameAs) > 0 => {"sameAs": sameAs}
        },
        {
          "@type": "Thing",
          "name": coalesce(description, "an unnamed source"),
          "description": "A source the article does not name"
        }
      ),
      "appearance": {
        "@type": "NewsArticle",
        "headline": ^.headline,
        defined(^.canonicalUrl) => {"url": ^.canonicalUrl}
      }
    }
  }
`)
