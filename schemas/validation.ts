import type {GeopointValue, SlugValidationContext} from 'sanity'

/** API version of the client that custom validators (slug uniqueness) query with. */
export const VALIDATION_API_VERSION = '2025-02-19'

/** Slugs are lowercase ASCII words joined by `-`, as the importer derives document ids from them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Longest slug the model accepts (the importer truncates to the same length). */
export const SLUG_MAX_LENGTH = 96

/**
 * Whether no other document of the same `_type` holds `slug`. The stock check compares across every
 * type, but `person/iran` and `place/iran` are different things and may share a slug. The draft and
 * the published version of the document under validation do not count as "another document".
 * Plain GROQ (no `sanity::` functions) so the local Content Lake (groq-js) answers it too.
 */
export async function isUniqueSlugForType(
  slug: string,
  context: SlugValidationContext,
): Promise<boolean> {
  const {document, getClient} = context
  if (!document) return true
  const publishedId = document._id.replace(/^drafts\./, '')
  const params = {
    type: document._type,
    slug,
    published: publishedId,
    draft: `drafts.${publishedId}`,
  }
  const query = /* groq */ `!defined(*[_type == $type && slug.current == $slug && !(_id in [$published, $draft])][0]._id)`
  return getClient({apiVersion: VALIDATION_API_VERSION}).fetch<boolean>(query, params)
}

/** Lowercase ASCII, `-` separated: "Mohammad Javad Zarif" → "mohammad-javad-zarif", "Ḥamās" → "hamas". */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '')
}

/** A slug value's problem, or `true`. Absent slugs are left to `rule.required()`. */
export function checkSlugFormat(value: {current?: string} | undefined): true | string {
  const current = value?.current
  if (current === undefined) return true
  if (!SLUG_PATTERN.test(current))
    return 'Use lowercase letters, digits and single hyphens (e.g. "ali-vaez")'
  if (current.length > SLUG_MAX_LENGTH) return `Keep the slug within ${SLUG_MAX_LENGTH} characters`
  return true
}

/** A geopoint's problem, or `true`: latitude −90..90, longitude −180..180, both finite numbers. */
export function checkGeopoint(value: Partial<GeopointValue> | undefined): true | string {
  if (value === undefined) return true
  const {lat, lng} = value
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    return 'Latitude must be a number between -90 and 90'
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    return 'Longitude must be a number between -180 and 180'
  }
  return true
}

/** A date range's problem, or `true`: a role cannot end before it starts. */
export function checkDateOrder(from: string | undefined, to: string | undefined): true | string {
  if (!from || !to) return true
  return from <= to ? true : 'The end date is before the start date'
}

/** A reference's problem when it points at the document that holds it, or `true`. */
export function checkNotSelf(
  value: {_ref?: string} | undefined,
  documentId: string | undefined,
): true | string {
  if (!value?._ref || !documentId) return true
  return value._ref === documentId.replace(/^drafts\./, '')
    ? 'A document cannot refer to itself here'
    : true
}
