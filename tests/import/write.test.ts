import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openLocalTarget, type DatasetTarget, type Mutation} from '../../lake/target.ts'
import {buildDocuments} from '../../import/pipeline.ts'
import {writeImport} from '../../import/write.ts'
import {BUNDLED} from './helpers.ts'

const bundled = () =>
  buildDocuments(readFileSync(BUNDLED, 'utf8'), {
    sourceFile: 'seed.txt',
    importedAt: '2024-04-14T10:00:00.000Z',
  })
const second = (importedAt = '2024-04-15T10:00:00.000Z') =>
  buildDocuments(
    [
      'Biden and Iran trade warnings as Gulf shipping talks stall',
      '',
      'President Joe Biden said on Friday that the United States would defend shipping lanes in the Gulf.',
      '',
      'Iranian officials said Tehran had no plans to close the Strait of Hormuz, according to state media.',
    ].join('\n'),
    {sourceFile: 'second.txt', importedAt},
  )

let targets: DatasetTarget[] = []
const open = async () => {
  const target = await openLocalTarget(
    join(mkdtempSync(join(tmpdir(), 'import-write-')), 'test.ndjson'),
  )
  targets.push(target)
  // Count transactions: the import must write one per article.
  const mutate = target.mutate.bind(target)
  const calls: Mutation[][] = []
  target.mutate = (mutations, options) => {
    calls.push(mutations)
    return mutate(mutations, options)
  }
  return {target, calls}
}
afterEach(async () => {
  for (const t of targets) await t.close()
  targets = []
})

describe('write stage (local dataset)', () => {
  it('creates every document in one transaction, and a re-import writes nothing and says unchanged', async () => {
    const {target, calls} = await open()
    const result = bundled()
    const first = await writeImport(target, result)
    expect(calls).toHaveLength(1)
    expect(first.counts.article.created).toBe(1)
    expect(first.counts.claim.created).toBe(result.claims.length)
    expect(first.counts.person.created).toBe(result.people.length)
    expect(first.claimsBySourceKind).toEqual({unnamed: 6, organization: 4, person: 6})
    const again = await writeImport(
      target,
      buildDocuments(readFileSync(BUNDLED, 'utf8'), {
        sourceFile: 'seed.txt',
        importedAt: '2025-01-01T00:00:00.000Z',
      }),
    )
    expect(calls).toHaveLength(1)
    for (const c of Object.values(again.counts)) {
      expect(c.created + c.updated + c.deleted).toBe(0)
    }
    expect(again.counts.claim.unchanged).toBe(result.claims.length)
    const stored = await target.getDocuments([result.article._id])
    expect((stored[0]!.import as {importedAt: string}).importedAt).toBe('2024-04-14T10:00:00.000Z')
  })

  it('leaves claims an editor reviewed and entity fields an editor filled alone', async () => {
    const {target} = await open()
    const result = bundled()
    await writeImport(target, result)
    const claim = result.claims[0]!
    await target.mutate([
      {patch: {id: claim._id, set: {reviewStatus: 'approved', statement: 'Edited by an editor'}}},
      {
        patch: {
          id: 'person-ali-vaez',
          set: {description: 'Iran project director'},
          unset: ['roles'],
        },
      },
    ])
    const again = await writeImport(target, result)
    const [storedClaim, vaez] = await target.getDocuments([claim._id, 'person-ali-vaez'])
    expect(storedClaim).toMatchObject({reviewStatus: 'approved', statement: 'Edited by an editor'})
    expect(vaez!.description).toBe('Iran project director')
    expect(vaez!.roles).toEqual(result.people.find((p) => p._id === 'person-ali-vaez')!.roles)
    expect(again.counts.person.updated).toBe(1)
    expect(again.counts.claim.updated).toBe(0)
  })

  it('reuses entities from an earlier article, matched by id, name or alias', async () => {
    const {target} = await open()
    await writeImport(target, bundled())
    // An editor renamed the country; the second article finds it by its alias "United States".
    await target.mutate([
      {
        patch: {
          id: 'place-united-states',
          set: {name: 'United States of America', aliases: ['United States', 'US']},
        },
      },
    ])
    const result = second()
    const summary = await writeImport(target, result)
    expect(summary.counts.article.created).toBe(1)
    expect(summary.counts.person.created).toBe(0)
    const biden = await target.fetch<{_id: string}[]>(
      `*[_type == "person" && name == "Joe Biden"]{_id}`,
    )
    expect(biden).toEqual([{_id: 'person-joe-biden'}])
    const claims = await target.fetch<{source: {person?: {_ref: string}}}[]>(
      `*[_type == "claim" && article._ref == $id]{source}`,
      {id: result.article._id},
    )
    expect(claims.some((c) => c.source.person?._ref === 'person-joe-biden')).toBe(true)
    const places = await target.fetch<string[]>(`*[_type == "place" && isoCode == "US"]._id`)
    expect(places).toEqual(['place-united-states'])
  })

  it('plans without writing on a dry run', async () => {
    const {target, calls} = await open()
    const summary = await writeImport(target, bundled(), {dryRun: true})
    expect(summary.counts.article.created).toBe(1)
    expect(calls).toHaveLength(0)
    expect(await target.fetch('count(*)')).toBe(0)
  })
})
