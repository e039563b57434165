import {readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {evaluate, parse} from 'groq-js'
import type {DocumentBadgeProps, SanityDocument} from 'sanity'
import {describe, expect, it} from 'vitest'
import {buildDocuments} from '../../import/pipeline.ts'
import {importDoubtBadge} from '../../schemas/badges/importDoubtBadge.ts'
import {
  DOUBTFUL_CLAIMS_FILTER,
  DOUBTFUL_PARAMS,
  DOUBTFUL_PEOPLE_FILTER,
  doubtFlag,
  doubtLabels,
} from '../../schemas/doubts.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/articles')
const BUNDLED = join(import.meta.dirname, '../../data/articles/000_fcede281fa476672.txt')

async function importOf(file: string) {
  return buildDocuments(await readFile(file, 'utf8'), {sourceFile: basename(file)})
}

async function ids(filter: string, dataset: unknown[]): Promise<string[]> {
  const params = {...DOUBTFUL_PARAMS}
  const result = await (
    await evaluate(parse(`*[${filter}]._id`, {params}), {dataset, params})
  ).get()
  return (result as string[]).sort()
}

describe('import doubts in the Studio', () => {
  it('names the recorded doubts, adds low confidence from the number, and settles once decided', () => {
    expect(doubtLabels({importDoubts: ['sourceInferred'], confidence: 0.9})).toEqual([
      'Source inferred from context',
    ])
    expect(doubtLabels({importDoubts: ['lowConfidence'], confidence: 0.6})).toEqual([
      'Low confidence',
    ])
    expect(doubtLabels({confidence: 0.65})).toEqual(['Low confidence'])
    expect(doubtLabels({importDoubts: ['mayNotBePerson']})).toEqual(['May not be a person'])
    expect(doubtLabels({importDoubts: ['sourceInferred'], reviewStatus: 'approved'})).toEqual([])
    expect(doubtLabels({importDoubts: ['sourceInferred'], reviewStatus: 'needsReview'})).toEqual([
      'Source inferred from context',
    ])
    expect(doubtFlag({confidence: 0.95})).toBeUndefined()
    expect(doubtFlag({importDoubts: ['sourceInferred', 'sourceMayNotBePerson']})).toBe(
      '⚑ Source inferred from context, Source may not be a person',
    )
  })

  it('lists under "Doubtful claims" exactly the undecided claims a preview flags', async () => {
    const result = await importOf(BUNDLED)
    // One flagged claim approved: it leaves the list.
    const flagged = result.claims.find((c) => c.importDoubts)!
    const dataset = [
      ...result.documents.filter((d) => d._id !== flagged._id),
      {...flagged, reviewStatus: 'approved'},
    ]
    const listed = await ids(DOUBTFUL_CLAIMS_FILTER, dataset)
    const flaggedByPreview = dataset
      .filter((d) => d._type === 'claim' && doubtLabels(d as never).length > 0)
      .map((d) => d._id)
      .sort()
    expect(listed).toEqual(flaggedByPreview)
    expect(listed.length).toBeGreaterThan(0)
    expect(listed).not.toContain(flagged._id)
  })

  it('lists under "Doubtful people" a name the import typed a person on its shape alone', async () => {
    const result = await importOf(join(FIXTURES, '103_indian_daily_kerala_election.txt'))
    const listed = await ids(DOUBTFUL_PEOPLE_FILTER, result.documents)
    expect(listed).toContain('person-raj-bhavan')
    expect(listed).not.toContain('person-m-v-gopinathan')
  })

  it('puts a "Doubtful import" badge on a doubted claim until it is decided', () => {
    const props = (doc: Record<string, unknown> | null) =>
      ({
        id: 'claim-x',
        type: 'claim',
        draft: null,
        published: doc as SanityDocument | null,
      }) as unknown as DocumentBadgeProps
    expect(
      importDoubtBadge(props({importDoubts: ['sourceInferred'], reviewStatus: 'extracted'})),
    ).toEqual({
      label: 'Doubtful import',
      title: 'Source inferred from context',
      color: 'warning',
    })
    expect(importDoubtBadge(props({confidence: 0.6}))?.title).toBe('Low confidence')
    expect(
      importDoubtBadge(props({importDoubts: ['sourceInferred'], reviewStatus: 'rejected'})),
    ).toBeNull()
    expect(importDoubtBadge(props({confidence: 0.9}))).toBeNull()
    expect(importDoubtBadge(props(null))).toBeNull()
  })
})
