import {defineQuery} from 'groq'

import {
  articleLinkFields,
  articleOrder,
  claimFields,
  claimOrder,
  entityLinkFields,
  placeFields,
  publicClaimFilter,
} from './fragments.ts'

/** A claim listed away from its article, so it carries a link back. */
const claimWithArticleFields = /* groq */ `
  ${claimFields},
  "article": article->{_id, headline, "slug": slug.current, publishedAt}`

// Each entity page finds the claims and the articles that refer to the entity with one pass over
// each type (`references`), then sorts them into its lists in a second projection. One `_type` per
// pass: the local lake then scans only that type's documents. Rejected claims are left out there.

/** A person's page: who they are, what they said, what was said about them, where they appear. */
export const personBySlugQuery = defineQuery(`
  *[_type == "person" && slug.current == $slug][0]{
    ...,
    "related": {
      "claims": *[_type == "claim" && references(^._id) && ${publicClaimFilter}],
      "articles": *[_type == "article" && references(^._id)]
    }
  }{
    ${entityLinkFields},
    aliases,
    description,
    sameAs,
    roles[]{title, from, to, "organization": organization->{${entityLinkFields}}},
    "nationality": nationality->{${entityLinkFields}},
    "claimsBy": related.claims[source.person._ref == ^._id] | ${claimOrder} {${claimWithArticleFields}},
    "claimsAbout": related.claims[^._id in about[]._ref] | ${claimOrder} {${claimWithArticleFields}},
    "articles": related.articles | ${articleOrder} {${articleLinkFields}}
  }
`)

/** An organization's page, as for a person, plus where it sits and who holds roles in it. */
export const organizationBySlugQuery = defineQuery(`
  *[_type == "organization" && slug.current == $slug][0]{
    ...,
    "related": {
      "claims": *[_type == "claim" && references(^._id) && ${publicClaimFilter}],
      "articles": *[_type == "article" && references(^._id)],
      "people": *[_type == "person" && references(^._id)]
    }
  }{
    ${entityLinkFields},
    kind,
    aliases,
    sameAs,
    "country": country->{${entityLinkFields}},
    "parent": parent->{${entityLinkFields}},
    "people": related.people[^._id in roles[].organization._ref] | order(name asc) {
      ${entityLinkFields},
      "titles": roles[organization._ref == ^.^._id].title
    },
    "claimsBy": related.claims[source.organization._ref == ^._id] | ${claimOrder} {${claimWithArticleFields}},
    "claimsAbout": related.claims[^._id in about[]._ref] | ${claimOrder} {${claimWithArticleFields}},
    "articles": related.articles | ${articleOrder} {${articleLinkFields}}
  }
`)

/**
 * A place's page: where it sits, what it contains, the articles datelined there or mentioning it
 * (`datelined` tells which), and the claims about it.
 */
export const placeBySlugQuery = defineQuery(`
  *[_type == "place" && slug.current == $slug][0]{
    ...,
    "related": {
      "claims": *[_type == "claim" && references(^._id) && ${publicClaimFilter}],
      "articles": *[_type == "article" && references(^._id)],
      "places": *[_type == "place" && references(^._id)]
    }
  }{
    ${placeFields},
    aliases,
    demonyms,
    geonamesId,
    "parent": containedIn->{${placeFields}},
    "contains": related.places[containedIn._ref == ^._id] | order(name asc) {${placeFields}},
    "articles": related.articles | ${articleOrder} {
      ${articleLinkFields},
      "datelined": dateline._ref == ^._id
    },
    "claimsAbout": related.claims[^._id in about[]._ref] | ${claimOrder} {${claimWithArticleFields}}
  }
`)
