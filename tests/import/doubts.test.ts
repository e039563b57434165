import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {ClaimDraft} from '../../import/claims.ts'
import {claimDoubts, personDoubts, sourceInferredFromContext} from '../../import/doubts.ts'
import type {Entity} from '../../import/entities.ts'
import {buildDocuments} from '../../import/pipeline.ts'
import {BUNDLED} from './helpers.ts'

function person(name: string, extra: Partial<Entity> = {}): Entity {
  return {
    key: `person:${name}`,
    type: 'person',
    name,
    aliases: new Set(),
    mentions: [],
    roles: [],
    ...extra,
  }
}

function draft(extra: Partial<ClaimDraft> = {}): ClaimDraft {
  return {
    paragraph: 0,
    start: 0,
    end: 10,
    statement: 'The talks are over.',
    cue: 'said',
    quoteType: 'indirect',
    source: {kind: 'person', entityKey: 'person:Maria Lopez', description: 'Maria Lopez'},
    sentence: 'The talks are over, Maria Lopez said.',
    hedging: 'asserted',
    confidence: 0.9,
    aboutKeys: [],
    ...extra,
  }
}

describe('import doubts', () => {
  it('flags a claim at or below the low-confidence mark, and none above it', () => {
    const maria = person('Maria Lopez', {roles: [{title: 'mayor'}]})
    expect(claimDoubts(draft({confidence: 0.7}), maria)).toEqual(['lowConfidence'])
    expect(claimDoubts(draft({confidence: 0.75}), maria)).toEqual([])
  })

  it('flags a source found by a pronoun or a description, not one found by its name or surname', () => {
    const maria = person('Maria Lopez', {aliases: new Set(['Lopez'])})
    expect(sourceInferredFromContext('she', maria)).toBe(true)
    expect(sourceInferredFromContext('the real estate agent', maria)).toBe(true)
    expect(sourceInferredFromContext('Lopez', maria)).toBe(false)
    expect(sourceInferredFromContext("Maria Lopez's", maria)).toBe(false)
    expect(sourceInferredFromContext('', maria)).toBe(true)
  })

  it('doubts a "person" with no title and no given name the lexicon knows, and says so on its claims', () => {
    const building = person('Raj Bhavan')
    expect(personDoubts(building)).toEqual(['mayNotBePerson'])
    expect(personDoubts(person('Maria Lopez'))).toEqual([])
    expect(personDoubts(person('Raj Bhavan', {roles: [{title: 'governor'}]}))).toEqual([])
    const said = draft({
      source: {kind: 'person', entityKey: building.key, description: 'Raj Bhavan'},
    })
    expect(claimDoubts(said, building)).toEqual(['sourceMayNotBePerson'])
    // An organization source is not doubted for what a person would be.
    const org = {...building, type: 'organization' as const}
    const byOrg = draft({
      source: {kind: 'organization', entityKey: org.key, description: 'Raj Bhavan'},
    })
    expect(claimDoubts(byOrg, org)).toEqual([])
  })

  it("records the doubts on the bundled article's documents, and no empty lists", () => {
    const result = buildDocuments(readFileSync(BUNDLED, 'utf8'), {
      sourceFile: '000_fcede281fa476672.txt',
    })
    const doubted = result.claims.filter((c) => c.importDoubts)
    expect(doubted.length).toBeGreaterThan(0)
    expect(doubted.length).toBeLessThan(result.claims.length)
    for (const claim of result.claims) {
      const doubts = claim.importDoubts as string[] | undefined
      if (doubts) expect(doubts.length).toBeGreaterThan(0)
      expect(doubts?.includes('lowConfidence') ?? false).toBe((claim.confidence as number) <= 0.7)
    }
    // "he" said it: the source is a coreference guess.
    const byPronoun = result.claims.filter((c) =>
      /^(?:he|she|it|they)$/i.test(String((c.source as {description: string}).description)),
    )
    expect(byPronoun.length).toBeGreaterThan(0)
    for (const claim of byPronoun) expect(claim.importDoubts).toContain('sourceInferred')
    // Every person here has a title or a known given name.
    expect(result.people.filter((p) => p.importDoubts)).toEqual([])
  })
})
