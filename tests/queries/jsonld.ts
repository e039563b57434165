// A JSON-LD sanity check for the article's schema.org graph: every node typed with a type we expect,
// the properties each type needs, and no null anywhere.

const nodeTypes = new Set([
  'NewsArticle',
  'Claim',
  'Person',
  'Organization',
  'GovernmentOrganization',
  'NGO',
  'NewsMediaOrganization',
  'Place',
  'Country',
  'City',
  'GeoCoordinates',
  'Thing',
])

const required: Record<string, string[]> = {
  NewsArticle: ['headline'],
  Claim: ['text', 'author', 'appearance'],
  Person: ['name'],
  Organization: ['name'],
  GovernmentOrganization: ['name'],
  NGO: ['name'],
  NewsMediaOrganization: ['name'],
  Place: ['name'],
  Country: ['name'],
  City: ['name'],
  GeoCoordinates: ['latitude', 'longitude'],
  Thing: ['name'],
}

/** The problems found in a JSON-LD document, as readable lines; empty when it passes. */
export function jsonLdProblems(document: unknown): string[] {
  const problems: string[] = []
  if (!document || typeof document !== 'object') return ['the document is not an object']
  const root = document as Record<string, unknown>
  if (root['@context'] !== 'https://schema.org') problems.push('@context is not https://schema.org')
  if (root['@type'] !== 'NewsArticle') problems.push('the root is not a NewsArticle')

  const visit = (value: unknown, path: string) => {
    if (value === null || value === undefined) {
      problems.push(`${path} is ${value}`)
      return
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`))
      return
    }
    if (typeof value !== 'object') return
    const node = value as Record<string, unknown>
    const type = node['@type']
    if (typeof type !== 'string' || !nodeTypes.has(type))
      problems.push(`${path} has @type ${JSON.stringify(type)}`)
    for (const property of required[type as string] ?? []) {
      if (!(property in node)) problems.push(`${path} (${type}) lacks ${property}`)
    }
    if (
      type === 'GeoCoordinates' &&
      (typeof node.latitude !== 'number' || typeof node.longitude !== 'number')
    ) {
      problems.push(`${path} has non-numeric coordinates`)
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '@context') continue
      visit(child, `${path}.${key}`)
    }
  }
  visit(root, '$')
  return problems
}
