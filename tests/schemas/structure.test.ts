import {readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {evaluate, parse} from 'groq-js'
import {beforeAll, describe, expect, it} from 'vitest'
import {buildDocuments, type ImportResult} from '../../import/pipeline.ts'
import {
  NEEDS_REVIEW_FILTER,
  SOURCE_KINDS,
  UNREVIEWED_STATUSES,
  claim,
  claimSource,
  incomingReferencesQuery,
  person,
  place,
} from '../../schemas/index.ts'
import {
  claimOrderOf,
  groupIncomingReferences,
  type IncomingReference,
} from '../../schemas/components/incomingReferences.ts'

const BUNDLED_ARTICLE = join(import.meta.dirname, '../../data/articles/000_fcede281fa476672.txt')
const ALI_VAEZ = 'person-ali-vaez'

let imported: ImportResult
let dataset: Record<string, unknown>[]

beforeAll(async () => {
  const raw = await readFile(BUNDLED_ARTICLE, 'utf8')
  imported = buildDocuments(raw, {sourceFile: basename(BUNDLED_ARTICLE)})
  dataset = imported.documents as unknown as Record<string, unknown>[]
})

async function query<R>(groq: string, params: Record<string, unknown>, docs = dataset): Promise<R> {
  return (await (await evaluate(parse(groq, {params}), {dataset: docs, params})).get()) as R
}

const ids = (docs: readonly {_id?: unknown}[]) => docs.map((doc) => String(doc._id)).sort()

describe('the "Claims needing review" list', () => {
  it('holds every claim the import extracted, on groq-js as on the Content Lake', async () => {
    const listed = await query<{_id: string}[]>(`*[${NEEDS_REVIEW_FILTER}]{_id}`, {
      statuses: [...UNREVIEWED_STATUSES],
    })
    expect(imported.claims.length).toBeGreaterThan(0)
    expect(ids(listed)).toEqual(ids(imported.claims))
  })

  it('drops a claim once an editor approves or rejects it, and keeps one flagged for review', async () => {
    const [first, second, third] = imported.claims as unknown as Record<string, unknown>[]
    const edited = dataset.map((doc) =>
      doc._id === first!._id
        ? {...doc, reviewStatus: 'approved'}
        : doc._id === second!._id
          ? {...doc, reviewStatus: 'rejected'}
          : doc._id === third!._id
            ? {...doc, reviewStatus: 'needsReview'}
            : doc,
    )
    const listed = await query<{_id: string}[]>(
      `*[${NEEDS_REVIEW_FILTER}]{_id}`,
      {statuses: [...UNREVIEWED_STATUSES]},
      edited,
    )
    expect(listed.map((d) => d._id)).not.toContain(first!._id)
    expect(listed.map((d) => d._id)).not.toContain(second!._id)
    expect(listed.map((d) => d._id)).toContain(third!._id)
    expect(listed.length).toBe(imported.claims.length - 2)
  })
})

describe('the "By source kind" lists', () => {
  it('split the claims into person, organization and unnamed sources with none left over', async () => {
    const perKind = await Promise.all(
      SOURCE_KINDS.map((kind) =>
        query<{_id: string}[]>('*[_type == "claim" && source.kind == $kind]{_id}', {
          kind: kind.value,
        }),
      ),
    )
    expect(ids(perKind.flat())).toEqual(ids(imported.claims))
    expect(perKind[0]!.length).toBeGreaterThan(0)
  })
})

describe('the "Referenced by" view', () => {
  it('lists on Ali Vaez the claims he is the source of, and the article that mentions him', async () => {
    const references = await query<IncomingReference[]>(incomingReferencesQuery, {
      id: ALI_VAEZ,
      limit: 200,
    })
    const his = imported.claims.filter(
      (c) => (c.source as {person?: {_ref: string}}).person?._ref === ALI_VAEZ,
    )
    expect(his.length).toBeGreaterThan(0)
    const sections = groupIncomingReferences(references)
    const fromSource = sections.find((s) => s.key === 'claims-source')!
    expect(ids(fromSource.items)).toEqual(ids(his))
    expect(
      fromSource.items.every((item) => item.who === 'Ali Vaez' && item.relation === 'source'),
    ).toBe(true)
    const articles = sections.find((s) => s.key === 'articles')!
    expect(articles.items).toEqual([
      expect.objectContaining({
        _id: imported.article._id,
        title: imported.article.headline,
        relation: 'mention',
      }),
    ])
  })

  it('lists on an article its claims in the order the body annotates them', async () => {
    const references = await query<IncomingReference[]>(incomingReferencesQuery, {
      id: imported.article._id,
      limit: 200,
    })
    const bodyOrder = claimOrderOf(imported.article.body)
    expect(bodyOrder.length).toBe(imported.claims.length)
    // Reversed: the Lake returns them by type and update time, which says nothing of the body.
    const sections = groupIncomingReferences([...references].reverse(), bodyOrder)
    const inArticle = sections.find((s) => s.key === 'claims-article')!
    expect(inArticle.items.map((item) => item._id)).toEqual(bodyOrder)
    expect(inArticle.items.every((item) => item.relation === 'article')).toBe(true)
  })

  it('shows one entry per document, the draft standing in for its published version', () => {
    const published: IncomingReference = {
      _id: 'claim-a',
      _type: 'claim',
      title: 'old',
      who: 'X',
      cue: 'said',
      reviewStatus: 'extracted',
      relation: 'source',
    }
    const sections = groupIncomingReferences([
      published,
      {...published, _id: 'drafts.claim-a', title: 'edited'},
      {...published, _id: 'versions.r1.claim-a', title: 'in a release'},
      {...published, _id: 'claim-b', relation: 'about'},
    ])
    expect(sections.map((s) => [s.key, s.items.map((i) => [i._id, i.title])])).toEqual([
      ['claims-source', [['claim-a', 'edited']]],
      ['claims-about', [['claim-b', 'old']]],
    ])
  })
})

describe('previews', () => {
  const prepare = (type: {preview?: unknown}, selection: Record<string, unknown>) =>
    (
      type.preview as {prepare: (s: Record<string, unknown>) => {title?: string; subtitle?: string}}
    ).prepare(selection)

  it('say who said what on a claim', () => {
    const preview = prepare(claim, {
      statement:
        'Iran faces the challenge of responding without provoking a wider war that it cannot afford, in a region already at war',
      cue: 'according to',
      kind: 'person',
      person: 'Ali Vaez',
      reviewStatus: 'extracted',
      quoteType: 'indirect',
      confidence: 0.82,
      headline: 'Iran weighs its response',
    })
    expect(preview.title).toBe(
      'Ali Vaez — according to — Iran faces the challenge of responding without provoking a wider war that it cannot…',
    )
    expect(preview.subtitle).toBe(
      'confidence 0.82 · Extracted · Indirect · Iran weighs its response',
    )
    const unnamed = prepare(claim, {
      statement: 'Talks stalled.',
      cue: 'said',
      kind: 'unnamed',
      description: 'a source familiar with US intelligence',
    })
    expect(unnamed.title).toBe('a source familiar with US intelligence — said — Talks stalled.')
  })

  it('say "No person chosen" on a person-source claim without a person, never its old description', () => {
    const selection = {
      statement: 'Talks stalled.',
      cue: 'said',
      kind: 'person',
      description: 'a source familiar with US intelligence',
    }
    expect(prepare(claim, selection).title).toBe('No person chosen — said — Talks stalled.')
    expect(prepare(claim, {...selection, kind: 'organization'}).title).toBe(
      'No organization chosen — said — Talks stalled.',
    )
    expect(prepare(claimSource, {kind: 'person', description: 'the envoy'})).toEqual({
      title: 'No person chosen',
      subtitle: 'Person',
    })
    expect(prepare(claimSource, {kind: 'person', personName: 'Ali Vaez'}).title).toBe('Ali Vaez')
    expect(prepare(claimSource, {kind: 'unnamed', plural: true}).title).toBe('Unnamed sources')
    expect(prepare(claimSource, {}).title).toBe('Source not set')
  })

  it("show a person's current role, not the first one listed", () => {
    const preview = prepare(person, {
      name: 'Mohammad Javad Zarif',
      roles: [
        {title: 'Foreign minister', from: '2013-08-15', to: '2021-08-25'},
        {title: 'Vice president for strategic affairs', from: '2024-08-01'},
        {title: 'Ambassador to the UN', from: '2002-01-01', to: '2007-01-01'},
      ],
      organization1: 'Government of Iran',
    })
    expect(preview).toEqual({
      title: 'Mohammad Javad Zarif',
      subtitle: 'Vice president for strategic affairs, Government of Iran',
    })
  })

  it('show the kind of a place and the place it lies in', () => {
    expect(prepare(place, {name: 'Damascus', kind: 'city', parent: 'Syria'})).toEqual({
      title: 'Damascus',
      subtitle: 'City in Syria',
    })
    expect(prepare(place, {name: 'Iran', kind: 'country'})).toEqual({
      title: 'Iran',
      subtitle: 'Country',
    })
  })
})
