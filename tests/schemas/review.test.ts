import {readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {buildDocuments, type ImportResult} from '../../import/pipeline.ts'
import {claimPreview} from '../../schemas/documents/claim.ts'
import {claimOrderOf, latestVersions, sortByBodyOrder} from '../../schemas/review/bodyOrder.ts'
import {bodyBlocks, mentionedEntityIds} from '../../schemas/review/bodyText.ts'
import {
  awaitsReview,
  nextClaimToReview,
  nextInList,
  reviewCommandFor,
  stepClaim,
} from '../../schemas/review/reviewQueue.ts'
import {
  parseSourceChoice,
  sourceChoicePatches,
  sourceChoiceValue,
} from '../../schemas/review/sourceChoice.ts'
import {REVIEW_LISTS, reviewListById, reviewListQuery} from '../../schemas/reviewLists.ts'

const BUNDLED_ARTICLE = join(import.meta.dirname, '../../data/articles/000_fcede281fa476672.txt')

let imported: ImportResult

beforeAll(async () => {
  const raw = await readFile(BUNDLED_ARTICLE, 'utf8')
  imported = buildDocuments(raw, {sourceFile: basename(BUNDLED_ARTICLE)})
})

describe('the "Review claims" view', () => {
  it('lists the claims in the order the body annotates them, whatever order the Lake returns', () => {
    const order = claimOrderOf(imported.article.body)
    const shuffled = [...imported.claims].reverse().map((c) => ({_id: c._id}))
    expect(sortByBodyOrder(shuffled, order).map((c) => c._id)).toEqual(order)
    // A claim the body no longer marks keeps its place after the marked ones.
    const orphan = {_id: 'claim-orphan'}
    expect(sortByBodyOrder([orphan, ...shuffled], order).at(-1)).toBe(orphan)
  })

  it('shows a draft in place of its published claim, and leaves release versions out', () => {
    expect(
      latestVersions([
        {_id: 'claim-a', statement: 'published'},
        {_id: 'drafts.claim-a', statement: 'draft'},
        {_id: 'versions.r1.claim-a', statement: 'release'},
        {_id: 'claim-b', statement: 'b'},
      ]),
    ).toEqual([
      {_id: 'claim-a', statement: 'draft'},
      {_id: 'claim-b', statement: 'b'},
    ])
  })

  it('prints the body with each span tied to the claim it marks', () => {
    const blocks = bodyBlocks(imported.article.body)
    expect(blocks.length).toBe((imported.article.body as unknown[]).length)
    const marked = blocks.flatMap((b) => b.segments).filter((s) => s.claimId)
    expect(new Set(marked.map((s) => s.claimId))).toEqual(
      new Set(claimOrderOf(imported.article.body)),
    )
    // Every claim's span text lies inside the sentence it was extracted from.
    for (const claim of imported.claims) {
      const text = marked
        .filter((s) => s.claimId === claim._id)
        .map((s) => s.text)
        .join('')
      if (text) expect(String(claim.sentence).replace(/\s+/g, ' ')).toContain(text.trim())
    }
    expect(bodyBlocks(undefined)).toEqual([])
  })

  it('offers as sources the people and organizations the body mentions, once each', () => {
    const ids = mentionedEntityIds(imported.article.body)
    expect(ids).toContain('person-ali-vaez')
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('moves on after a decision to the next claim still to review, wrapping around, never the same one', () => {
    const claims = [
      {_id: 'a', reviewStatus: 'approved'},
      {_id: 'b', reviewStatus: 'extracted'},
      {_id: 'c', reviewStatus: 'rejected'},
      {_id: 'd', reviewStatus: 'needsReview'},
      {_id: 'e', reviewStatus: null},
    ]
    expect(nextClaimToReview(claims, 'b')).toBe('d')
    expect(nextClaimToReview(claims, 'd')).toBe('e')
    expect(nextClaimToReview(claims, 'e')).toBe('b')
    expect(nextClaimToReview(claims, undefined)).toBe('b')
    expect(nextClaimToReview([{_id: 'b', reviewStatus: 'extracted'}], 'b')).toBeUndefined()
    expect(awaitsReview(undefined)).toBe(true)
    expect(awaitsReview('approved')).toBe(false)
  })

  it('steps to the next and previous claim with j and k, stopping at either end', () => {
    const claims = [{_id: 'a'}, {_id: 'b'}, {_id: 'c'}]
    expect(stepClaim(claims, 'a', 1)).toBe('b')
    expect(stepClaim(claims, 'c', 1)).toBe('c')
    expect(stepClaim(claims, 'a', -1)).toBe('a')
    expect(stepClaim(claims, 'gone', 1)).toBe('a')
    expect(stepClaim([], 'a', 1)).toBeUndefined()
  })

  it('reads a, r, j, k, the arrows and n as its commands, and nothing with a modifier held', () => {
    expect(reviewCommandFor({key: 'a'})).toBe('approve')
    expect(reviewCommandFor({key: 'A'})).toBe('approve')
    expect(reviewCommandFor({key: 'r'})).toBe('reject')
    expect(reviewCommandFor({key: 'j'})).toBe('next')
    expect(reviewCommandFor({key: 'ArrowDown'})).toBe('next')
    expect(reviewCommandFor({key: 'k'})).toBe('previous')
    expect(reviewCommandFor({key: 'ArrowUp'})).toBe('previous')
    expect(reviewCommandFor({key: 'n'})).toBe('nextToReview')
    expect(reviewCommandFor({key: 'a', ctrlKey: true})).toBeUndefined()
    expect(reviewCommandFor({key: 'r', metaKey: true})).toBeUndefined()
    expect(reviewCommandFor({key: 'x'})).toBeUndefined()
  })

  it('changes the source in one change that drops the reference the new kind does not use', () => {
    expect(sourceChoicePatches({kind: 'person', id: 'person-ali-vaez'})).toEqual([
      {setIfMissing: {source: {_type: 'claimSource'}}},
      {
        set: {
          'source.kind': 'person',
          'source.person': {_type: 'reference', _ref: 'person-ali-vaez'},
        },
      },
      {unset: ['source.organization']},
    ])
    expect(sourceChoicePatches({kind: 'unnamed'})).toEqual([
      {setIfMissing: {source: {_type: 'claimSource'}}},
      {set: {'source.kind': 'unnamed'}},
      {unset: ['source.person', 'source.organization']},
    ])
    const value = sourceChoiceValue({kind: 'organization', organization: {_ref: 'organization-un'}})
    expect(value).toBe('organization:organization-un')
    expect(parseSourceChoice(value)).toEqual({kind: 'organization', id: 'organization-un'})
    expect(parseSourceChoice('unnamed')).toEqual({kind: 'unnamed'})
    expect(parseSourceChoice('place:place-iran')).toBeUndefined()
    expect(sourceChoiceValue({kind: 'person'})).toBe('')
  })
})

describe('"Approve and next" in a review list', () => {
  it('opens the claim after the approved one, or the first left when it has already gone', () => {
    expect(nextInList(['a', 'b', 'c'], 'a')).toBe('b')
    expect(nextInList(['a', 'b', 'c'], 'c')).toBe('a')
    expect(nextInList(['b', 'c'], 'a')).toBe('b')
    expect(nextInList(['a'], 'a')).toBeUndefined()
    expect(nextInList([], 'a')).toBeUndefined()
  })

  it('knows the lists it walks by their pane ids, in their default order', () => {
    expect(reviewListById('claims-needing-review')).toBe(REVIEW_LISTS.claimsNeedingReview)
    expect(reviewListById('doubtful-claims')).toBe(REVIEW_LISTS.doubtfulClaims)
    expect(reviewListById('all-claims')).toBeUndefined()
    expect(reviewListById(undefined)).toBeUndefined()
    expect(reviewListQuery(REVIEW_LISTS.claimsNeedingReview)).toMatch(
      /\| order\(confidence asc, _id asc\)\._id$/,
    )
  })
})

describe('the review list preview', () => {
  it('says who said what in full, the headline and the confidence, flagging what the importer doubted', () => {
    const statement =
      'Iran faces the challenge of responding without provoking a wider war that it cannot afford, in a region already at war'
    const preview = claimPreview({
      statement,
      cue: 'according to',
      kind: 'person',
      person: 'Ali Vaez',
      reviewStatus: 'extracted',
      confidence: 0.7,
      importDoubts: ['sourceInferred'],
      headline: 'Iran weighs its response',
    })
    expect(preview.title).toBe(
      'Ali Vaez — according to — Iran faces the challenge of responding without provoking a wider war that it cannot…',
    )
    expect(preview.description).toBe(statement)
    expect(preview.subtitle).toBe(
      '⚑ Source inferred from context, Low confidence · confidence 0.70 · Extracted · Iran weighs its response',
    )
    // Once decided, the doubts are settled and the flag goes.
    expect(claimPreview({statement, confidence: 0.7, reviewStatus: 'approved'}).subtitle).toBe(
      'confidence 0.70 · Approved · No article',
    )
  })
})
