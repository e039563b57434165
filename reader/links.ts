// Where each kind of page lives. Slugs go through encodeURIComponent, so any slug is a safe path.

const folders: Record<string, string> = {
  article: 'articles',
  person: 'people',
  place: 'places',
  organization: 'organizations',
}

/** The page of a document of a routed type with a slug, or null when it has none. */
export function pageHref(
  entity: {_type: string; slug: string | null} | null | undefined,
): string | null {
  if (!entity?.slug) return null
  const folder = folders[entity._type]
  return folder ? `/${folder}/${encodeURIComponent(entity.slug)}` : null
}

export const articleHref = (slug: string) => `/articles/${encodeURIComponent(slug)}`

/** The sources-panel anchor of a named source (by entity id) or an unnamed attribution (by claim id). */
export const sourceAnchor = (id: string) => `source-${id}`
export const claimAnchor = (id: string) => `claim-${id}`
