// Contract-shaped synthetic datasets for measuring queries at sizes the bundled article cannot reach.
// Deterministic (a seeded generator), so two runs measure the same data.
import {appendFileSync, writeFileSync} from 'node:fs'

export interface SyntheticDataset {
  documents: Record<string, unknown>[]
  /** Slugs that exist, for picking query parameters. */
  articleSlugs: string[]
  personSlugs: string[]
}

/** A small linear congruential generator: enough spread for picking, and repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const ref = (id: string) => ({_type: 'reference', _ref: id})
const slug = (current: string) => ({_type: 'slug', current})

/**
 * About `total` documents: per article one article, eight claims, and a share of a pool of people,
 * places and organizations that articles mention and quote, the proportions of an imported article.
 */
export function generateDataset(total: number, seed = 1): SyntheticDataset {
  const next = random(seed)
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!
  const claimsPerArticle = 8
  const articles = Math.max(1, Math.round(total / 12))
  const people = Math.max(2, Math.round(total / 12))
  const organizations = Math.max(2, Math.round(total / 24))
  const places = Math.max(2, total - articles * (1 + claimsPerArticle) - people - organizations)

  const documents: Record<string, unknown>[] = []
  const placeIds: string[] = []
  for (let i = 0; i < places; i++) {
    const id = `place-p${i}`
    placeIds.push(id)
    documents.push({
      _id: id,
      _type: 'place',
      name: `Place ${i}`,
      slug: slug(`p${i}`),
      kind: i < 200 ? 'country' : 'city',
      location: {_type: 'geopoint', lat: (i % 180) - 90, lng: (i % 360) - 180},
      ...(i >= 200 ? {containedIn: ref(`place-p${i % 200}`)} : {}),
    })
  }
  const organizationIds: string[] = []
  for (let i = 0; i < organizations; i++) {
    const id = `organization-o${i}`
    organizationIds.push(id)
    documents.push({
      _id: id,
      _type: 'organization',
      name: `Organization ${i}`,
      slug: slug(`o${i}`),
      kind: pick(['government', 'agency', 'thinktank', 'armed_group']),
      country: ref(pick(placeIds)),
    })
  }
  const personIds: string[] = []
  const personSlugs: string[] = []
  for (let i = 0; i < people; i++) {
    const id = `person-n${i}`
    personIds.push(id)
    personSlugs.push(`n${i}`)
    documents.push({
      _id: id,
      _type: 'person',
      name: `Person ${i}`,
      slug: slug(`n${i}`),
      aliases: [`P${i}`],
      roles: [
        {_key: 'r0', _type: 'role', title: 'Analyst', organization: ref(pick(organizationIds))},
      ],
      nationality: ref(pick(placeIds)),
    })
  }

  const articleSlugs: string[] = []
  for (let a = 0; a < articles; a++) {
    const articleSlug = `a${a}`
    const articleId = `article-${articleSlug}`
    articleSlugs.push(articleSlug)
    const body = []
    for (let c = 0; c < claimsPerArticle; c++) {
      const claimId = `claim-${articleSlug}-${c.toString(16).padStart(8, '0')}`
      const kind = pick(['person', 'person', 'organization', 'unnamed'] as const)
      const person = pick(personIds)
      const organization = pick(organizationIds)
      const place = pick(placeIds)
      documents.push({
        _id: claimId,
        _type: 'claim',
        statement: `Statement ${c} of article ${a}`,
        cue: 'said',
        quoteType: 'indirect',
        source: {
          _type: 'claimSource',
          kind,
          ...(kind === 'person' ? {person: ref(person)} : {}),
          ...(kind === 'organization' ? {organization: ref(organization)} : {}),
          ...(kind === 'unnamed' ? {description: 'a source familiar with the matter'} : {}),
        },
        article: ref(articleId),
        about: [{_key: 'a0', ...ref(place)}],
        hedging: 'asserted',
        verification: 'unverified',
        reviewStatus: 'extracted',
        confidence: 0.8,
      })
      const mentioned = [kind === 'organization' ? organization : person, place]
      body.push({
        _key: `b${c}`,
        _type: 'block',
        style: 'normal',
        markDefs: [
          {_key: 'c', _type: 'claimRef', claim: {...ref(claimId), _weak: true}},
          ...mentioned.map((entity, m) => ({_key: `m${m}`, _type: 'mention', entity: ref(entity)})),
        ],
        children: [
          {_key: 's0', _type: 'span', marks: ['m0'], text: 'Someone'},
          {_key: 's1', _type: 'span', marks: [], text: ' said that '},
          {_key: 's2', _type: 'span', marks: ['c'], text: `statement ${c} of article ${a}`},
          {_key: 's3', _type: 'span', marks: [], text: ' in '},
          {_key: 's4', _type: 'span', marks: ['m1'], text: 'a place'},
          {_key: 's5', _type: 'span', marks: [], text: '.'},
        ],
      })
    }
    documents.push({
      _id: articleId,
      _type: 'article',
      headline: `Headline ${a}`,
      slug: slug(articleSlug),
      dek: `Dek ${a}`,
      dateline: ref(pick(placeIds)),
      ...(a % 3 ? {publishedAt: new Date(Date.UTC(2024, 0, 1) + a * 3_600_000).toISOString()} : {}),
      body,
    })
  }
  return {documents, articleSlugs, personSlugs}
}

/**
 * Writes documents as a lake snapshot (NDJSON), each stamped as one earlier transaction. In slices:
 * a million documents are more than one string may hold.
 */
export function writeDatasetFile(file: string, documents: Record<string, unknown>[]): void {
  const stamp = '2024-01-01T00:00:00.000Z'
  writeFileSync(file, '')
  for (let start = 0; start < documents.length; start += 50_000) {
    appendFileSync(
      file,
      documents
        .slice(start, start + 50_000)
        .map((doc) => JSON.stringify({...doc, _rev: 'bench', _createdAt: stamp, _updatedAt: stamp}))
        .join('\n') + '\n',
    )
  }
}
