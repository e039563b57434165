// Stage 6: the import's findings → Sanity documents per the contract in docs/architecture.md.
// Everything here is deterministic: ids, keys and order depend on the input text only.
import {createHash} from 'node:crypto'
import type {ClaimDraft} from './claims.ts'
import {claimDoubts, personDoubts} from './doubts.ts'
import type {Entity, EntityIndex} from './entities.ts'
import type {StructuredArticle} from './structure.ts'

export const IMPORTER_VERSION = '1.0.0'

export type SanityDoc = {_id: string; _type: string} & Record<string, unknown>
export type Reference = {_type: 'reference'; _ref: string; _weak?: true; _key?: string}

export interface DocumentSet {
  article: SanityDoc
  claims: SanityDoc[]
  people: SanityDoc[]
  places: SanityDoc[]
  organizations: SanityDoc[]
}

export interface ArticleMeta {
  sourceFile: string
  sha256: string
  importedAt?: string
  strippedLines: string[]
  publishedAt?: string
  publisher?: string
  canonicalUrl?: string
  /** The reporters as the page credits them ("Jane Doe and John Roe"). */
  byline?: string
  datelineKey?: string
}

/** Lowercase ASCII, "-" separated; never empty. */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= max) return slug || 'untitled'
  const cut = slug.slice(0, max)
  return cut
    .slice(0, cut.lastIndexOf('-') > max / 2 ? cut.lastIndexOf('-') : max)
    .replace(/-+$/, '')
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const ref = (id: string, weak = false): Reference =>
  weak ? {_type: 'reference', _ref: id, _weak: true} : {_type: 'reference', _ref: id}
/** Array keys: a 2×32-bit FNV-1a hash of their parts, deterministic and cheap (keys need not be secure). */
const key = (...parts: (string | number)[]) => {
  const text = parts.join('\u0000')
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  return (
    (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0').slice(0, 4)
  )
}

export function entityId(entity: Pick<Entity, 'type' | 'name'>): string {
  return `${entity.type}-${slugify(entity.name)}`
}

export function buildDocumentSet(
  article: StructuredArticle,
  index: EntityIndex,
  drafts: ClaimDraft[],
  meta: ArticleMeta,
): DocumentSet {
  const articleSlug = slugify(article.headline, 72)
  const articleId = `article-${articleSlug}`
  const entities = [...index.entities.values()]
  const idOf = new Map(entities.map((e) => [e.key, entityId(e)]))
  const present = new Set(idOf.values())
  /** A reference to an entity of this article, or a weak one to an entity that may exist from other imports. */
  const entityRef = (k: string | undefined): Reference | undefined => {
    if (!k) return undefined
    const id = idOf.get(k) ?? `${k.split(':')[0]}-${slugify(k.split(':').slice(1).join(':'))}`
    return ref(id, !present.has(id))
  }
  /** Links between entities (affiliation, role, nationality, country) are weak in the schema: an editor may delete either side. */
  const linkRef = (k: string | undefined): Reference | undefined => {
    const strong = entityRef(k)
    return strong && ref(strong._ref, true)
  }

  // Claims.
  const claimIds: string[] = []
  const claims: SanityDoc[] = []
  const seen = new Set<string>()
  for (const d of drafts) {
    const sourceId = d.source.entityKey
      ? (idOf.get(d.source.entityKey) ?? d.source.entityKey)
      : d.source.description
    let id = `claim-${articleSlug}-${sha256(d.statement + sourceId).slice(0, 8)}`
    if (seen.has(id))
      id = `claim-${articleSlug}-${sha256(`${d.statement}${sourceId}${d.paragraph}:${d.start}`).slice(0, 8)}`
    seen.add(id)
    claimIds.push(id)
    const sourceEntity = d.source.entityKey ? index.entities.get(d.source.entityKey) : undefined
    const source: Record<string, unknown> = {
      _type: 'claimSource',
      kind: d.source.kind,
      description: d.source.description,
    }
    if (d.source.kind === 'person' && d.source.entityKey)
      source.person = entityRef(d.source.entityKey)
    if (d.source.kind === 'organization' && d.source.entityKey)
      source.organization = entityRef(d.source.entityKey)
    const affiliation =
      d.source.affiliationKey ??
      (sourceEntity?.type === 'person'
        ? sourceEntity.roles.find((r) => r.organizationKey)?.organizationKey
        : sourceEntity?.countryKey)
    if (affiliation && present.has(idOf.get(affiliation) ?? ''))
      source.affiliation = linkRef(affiliation)
    if (d.source.plural !== undefined) source.plural = d.source.plural
    const doubts = claimDoubts(d, sourceEntity)
    claims.push({
      _id: id,
      _type: 'claim',
      statement: d.statement,
      cue: d.cue,
      quoteType: d.quoteType,
      source,
      article: ref(articleId),
      about: d.aboutKeys
        .filter((k) => idOf.has(k))
        .map((k) => ({...entityRef(k)!, _key: key(id, k)})),
      hedging: d.hedging,
      verification: 'unverified',
      reviewStatus: 'extracted',
      confidence: d.confidence,
      // Only when there is a doubt: an empty list would be one more field on every claim.
      ...(doubts.length ? {importDoubts: doubts} : {}),
      sentence: d.sentence,
    })
  }

  // The body: one block per paragraph, claimRef and mention marks on their spans.
  const draftsByParagraph = new Map<number, number[]>()
  drafts.forEach((d, i) =>
    draftsByParagraph.set(d.paragraph, [...(draftsByParagraph.get(d.paragraph) ?? []), i]),
  )
  const firstBody = index.units.findIndex((u) => u.kind === 'body')
  const body = article.paragraphs.map((paragraph, p) => {
    const blockKey = key(articleId, 'block', p)
    type Interval = {start: number; end: number; mark: string}
    const intervals: Interval[] = []
    const markDefs: Record<string, unknown>[] = []
    for (const i of draftsByParagraph.get(p) ?? []) {
      const d = drafts[i]!
      const markKey = `c${key(claimIds[i]!).slice(0, 8)}`
      markDefs.push({
        _key: markKey,
        _type: 'claimRef',
        claim: {_type: 'reference', _ref: claimIds[i]!, _weak: true},
      })
      intervals.push({start: d.start, end: d.end, mark: markKey})
    }
    for (const {mention, key: entityKey} of index.mentionsByUnit.get(firstBody + p) ?? []) {
      const id = idOf.get(entityKey)
      if (!id) continue
      const markKey = `m${key(blockKey, mention.start, id).slice(0, 8)}`
      markDefs.push({_key: markKey, _type: 'mention', entity: ref(id)})
      intervals.push({start: mention.start, end: mention.end, mark: markKey})
    }
    const cuts = new Set([0, paragraph.text.length])
    for (const iv of intervals) {
      cuts.add(iv.start)
      cuts.add(iv.end)
    }
    const points = [...cuts].sort((a, b) => a - b)
    const children: Record<string, unknown>[] = []
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i]!, points[i + 1]!]
      if (a === b) continue
      const marks = intervals.filter((iv) => iv.start <= a && iv.end >= b).map((iv) => iv.mark)
      const prev = children.at(-1)
      if (prev && JSON.stringify(prev.marks) === JSON.stringify(marks))
        prev.text = `${prev.text as string}${paragraph.text.slice(a, b)}`
      else children.push({_key: `s${i}`, _type: 'span', marks, text: paragraph.text.slice(a, b)})
    }
    // The page's own block kinds, as the body's Portable Text styles and lists.
    const style =
      paragraph.kind === 'heading' ? 'h2' : paragraph.kind === 'quote' ? 'blockquote' : 'normal'
    const list = paragraph.kind === 'item' ? {listItem: 'bullet', level: 1} : {}
    return {_key: blockKey, _type: 'block', style, ...list, markDefs, children}
  })

  const articleDoc: SanityDoc = {
    _id: articleId,
    _type: 'article',
    headline: article.headline,
    slug: {_type: 'slug', current: articleSlug},
    ...(article.dek ? {dek: article.dek} : {}),
    ...(meta.datelineKey && idOf.has(meta.datelineKey)
      ? {dateline: entityRef(meta.datelineKey)}
      : {}),
    ...(meta.publishedAt ? {publishedAt: meta.publishedAt} : {}),
    ...(meta.publisher ? {publisher: meta.publisher} : {}),
    ...(meta.canonicalUrl ? {canonicalUrl: meta.canonicalUrl} : {}),
    ...(meta.byline ? {byline: meta.byline} : {}),
    body,
    import: {
      _type: 'importProvenance',
      sourceFile: meta.sourceFile,
      sha256: meta.sha256,
      importerVersion: IMPORTER_VERSION,
      ...(meta.importedAt ? {importedAt: meta.importedAt} : {}),
      strippedLines: meta.strippedLines,
    },
  }

  const people: SanityDoc[] = []
  const places: SanityDoc[] = []
  const organizations: SanityDoc[] = []
  const sorted = entities
    .slice()
    .sort((a, b) => firstAt(a) - firstAt(b) || a.key.localeCompare(b.key))
  for (const e of sorted) {
    const id = idOf.get(e.key)!
    const aliases = [...e.aliases].filter(
      (a) => a !== e.name && !(e.place?.demonyms ?? []).includes(a),
    )
    const slug = {_type: 'slug', current: id.slice(id.indexOf('-') + 1)}
    if (e.type === 'person') {
      const roles = e.roles.map((r, i) => ({
        _key: key(id, 'role', i),
        _type: 'role',
        ...(r.title ? {title: r.title} : {}),
        ...(r.organizationKey ? {organization: linkRef(r.organizationKey)} : {}),
      }))
      const doubts = personDoubts(e)
      people.push({
        _id: id,
        _type: 'person',
        name: e.name,
        slug,
        aliases,
        roles,
        ...(e.nationalityKey ? {nationality: linkRef(e.nationalityKey)} : {}),
        ...(doubts.length ? {importDoubts: doubts} : {}),
      })
    } else if (e.type === 'place') {
      const p = e.place!
      const demonyms = [...new Set(p.demonyms)]
      const gazAliases = p.aliases.filter((a) => a !== p.name)
      const containedIn =
        p.kind !== 'country' && p.countryCode ? `place:${p.countryCode}` : undefined
      places.push({
        _id: id,
        _type: 'place',
        name: e.name,
        slug,
        kind: p.kind,
        ...(p.lat !== undefined && p.lng !== undefined
          ? {location: {_type: 'geopoint', lat: p.lat, lng: p.lng}}
          : {}),
        ...(containedIn ? {containedIn: countryRef(containedIn.slice(6))} : {}),
        ...(p.isoCode ? {isoCode: p.isoCode} : {}),
        ...(p.geonamesId ? {geonamesId: p.geonamesId} : {}),
        aliases: [...new Set([...aliases, ...gazAliases])],
        demonyms,
      })
    } else {
      organizations.push({
        _id: id,
        _type: 'organization',
        name: e.name,
        slug,
        kind: e.orgKind ?? 'other',
        ...(e.countryKey ? {country: linkRef(e.countryKey)} : {}),
        aliases,
      })
    }
  }
  function countryRef(code: string): Reference {
    const country = entities.find((e) => e.type === 'place' && e.place?.isoCode === code)
    return country
      ? ref(idOf.get(country.key)!, true)
      : ref(`place-${slugify(countryNames.get(code) ?? code)}`, true)
  }

  return {article: articleDoc, claims, people, places, organizations}
}

const firstAt = (e: Entity) =>
  e.mentions.length
    ? Math.min(...e.mentions.map((m) => m.unit * 1e6 + m.start))
    : Number.MAX_SAFE_INTEGER

/** ISO code → country name, for weak references to countries this article does not mention. */
const countryNames = new Map<string, string>()
export function registerCountryNames(entries: Iterable<[string, string]>) {
  for (const [code, name] of entries) countryNames.set(code, name)
}
