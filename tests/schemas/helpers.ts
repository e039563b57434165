import {evaluate, parse} from 'groq-js'
import {
  createSchema,
  validateDocument,
  type SanityClient,
  type SanityDocument,
  type Schema,
  type ValidationMarker,
  type Workspace,
} from 'sanity'
import {schemaTypes} from '../../schemas/index.ts'

/** The model compiled the way a Studio compiles it (built-in types included). */
export const schema: Schema = createSchema({name: 'sourced-news-test', types: schemaTypes})

/**
 * A client that answers queries with groq-js over `dataset`, as the local Content Lake does: the
 * custom validators (slug uniqueness) query through it instead of a network.
 */
export function inMemoryClient(dataset: readonly SanityDocument[]): SanityClient {
  const client = {
    async fetch(query: string, params: Record<string, unknown> = {}) {
      const tree = parse(query, {params})
      return (await evaluate(tree, {dataset: [...dataset], params})).get()
    },
    withConfig: () => client,
    config: () => ({apiVersion: '2025-02-19', projectId: 'test', dataset: 'test'}),
  }
  return client as unknown as SanityClient
}

export interface Problem {
  level: ValidationMarker['level']
  path: string
  message: string
}

/**
 * Every validation marker Sanity's own `validateDocument` reports for `document`, with the other
 * documents of `dataset` visible to uniqueness checks and reference existence.
 */
export async function validate(
  document: Record<string, unknown>,
  dataset: readonly Record<string, unknown>[] = [],
): Promise<Problem[]> {
  const docs = dataset as readonly SanityDocument[]
  const workspace = {schema, getClient: () => inMemoryClient(docs)} as unknown as Workspace
  const markers = await validateDocument({
    document: {
      _createdAt: '2026-01-01T00:00:00Z',
      _updatedAt: '2026-01-01T00:00:00Z',
      _rev: 'r',
      ...document,
    } as SanityDocument,
    workspace,
    // 'studio', as editors see it: in 'cli' Sanity downgrades every rule of an object-typed field (a slug) to a warning.
    environment: 'studio',
    getDocumentExists: async ({id}) => docs.some((doc) => doc._id === id),
  })
  return markers.map((marker) => ({
    level: marker.level,
    path: marker.path
      .map((segment) => (typeof segment === 'object' ? JSON.stringify(segment) : String(segment)))
      .join('.'),
    message: marker.message,
  }))
}

/** Only the errors. */
export async function errorsOf(
  document: Record<string, unknown>,
  dataset: readonly Record<string, unknown>[] = [],
) {
  return (await validate(document, dataset)).filter((problem) => problem.level === 'error')
}

export const ref = (id: string) => ({_type: 'reference', _ref: id})

/** Small valid documents of each type, referring to each other, to vary one field at a time. */
export const valid = {
  place: {
    _id: 'place-iran',
    _type: 'place',
    name: 'Iran',
    slug: {_type: 'slug', current: 'iran'},
    kind: 'country',
    isoCode: 'IR',
    location: {_type: 'geopoint', lat: 32, lng: 53},
    demonyms: ['Iranian'],
  },
  organization: {
    _id: 'organization-international-crisis-group',
    _type: 'organization',
    name: 'International Crisis Group',
    slug: {_type: 'slug', current: 'international-crisis-group'},
    kind: 'thinktank',
    sameAs: ['https://www.wikidata.org/wiki/Q1672144'],
  },
  person: {
    _id: 'person-ali-vaez',
    _type: 'person',
    name: 'Ali Vaez',
    slug: {_type: 'slug', current: 'ali-vaez'},
    roles: [
      {
        _key: 'r0',
        _type: 'role',
        title: 'Iran project director',
        organization: ref('organization-international-crisis-group'),
        from: '2016-01-01',
      },
    ],
    nationality: ref('place-iran'),
  },
  article: {
    _id: 'article-iran-talks',
    _type: 'article',
    headline: 'Iran faces a choice',
    slug: {_type: 'slug', current: 'iran-talks'},
    canonicalUrl: 'https://example.com/iran-talks',
    body: [
      {
        _key: 'b0',
        _type: 'block',
        style: 'normal',
        markDefs: [
          {_key: 'm0', _type: 'mention', entity: ref('person-ali-vaez')},
          {
            _key: 'c0',
            _type: 'claimRef',
            claim: {_type: 'reference', _ref: 'claim-iran-talks-0badc0de', _weak: true},
          },
        ],
        children: [
          {_key: 's0', _type: 'span', marks: ['m0'], text: 'Ali Vaez'},
          {_key: 's1', _type: 'span', marks: ['c0'], text: ' said Iran faces the challenge.'},
        ],
      },
    ],
    import: {
      _type: 'importProvenance',
      sourceFile: 'iran-talks.txt',
      sha256: 'a'.repeat(64),
      importerVersion: '1.0.0',
      importedAt: '2026-01-01T00:00:00Z',
      strippedLines: ['Advertisement'],
    },
  },
  claim: {
    _id: 'claim-iran-talks-0badc0de',
    _type: 'claim',
    statement: 'Iran faces the challenge of its life',
    cue: 'according to',
    quoteType: 'indirect',
    source: {
      _type: 'claimSource',
      kind: 'person',
      person: ref('person-ali-vaez'),
      description: 'Ali Vaez',
    },
    article: ref('article-iran-talks'),
    about: [{_key: 'a0', ...ref('place-iran')}],
    hedging: 'asserted',
    verification: 'unverified',
    reviewStatus: 'extracted',
    confidence: 0.8,
    sentence: 'According to Ali Vaez, Iran faces the challenge of its life.',
  },
} as const satisfies Record<string, Record<string, unknown>>

/** The valid documents as one dataset (every reference in them resolves). */
export const validDataset: Record<string, unknown>[] = Object.values(valid)

/** `base` with `changes` applied (a field set to `undefined` is removed). */
export function withChanges(
  base: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {...base, ...changes}
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete copy[key]
  return copy
}
