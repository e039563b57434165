// The project's extraction scorer on an invented article whose every figure is worked out by hand.
import {describe, expect, it} from 'vitest'
import {
  normalize,
  scoreExtraction,
  unmetRequirements,
  type GoldAnnotation,
  type ScoredDocument,
} from '../../import/quality/score.ts'

const LOPEZ_SENTENCE =
  "Lopez, the council's chair, said on Tuesday that the cap would protect tenants from sudden increases."

const gold: GoldAnnotation = {
  headline: 'Council votes to cap rents',
  boilerplate_lines: ['Sign up for our newsletter'],
  people: [{name: 'Maria Lopez', mentions: ['Lopez']}, {name: 'Tom Reed'}],
  people_optional: [{name: 'Ann Sharp'}],
  places: [{name: 'Tacoma', mentions: ['Tacoma, Washington']}],
  places_forbidden: [{name: 'Washington'}],
  organizations: [{name: 'City Council'}],
  claims: [
    {
      sentence: LOPEZ_SENTENCE,
      content: 'the cap would protect tenants from sudden increases',
      source: 'Maria Lopez',
    },
    {
      sentence: 'Landlords will leave the city, one developer said.',
      content: 'Landlords will leave the city',
      source: 'one developer',
      source_kind: 'anonymous',
    },
    {
      sentence: 'Reed said the vote was rushed.',
      content: 'the vote was rushed',
      source: 'Tom Reed',
    },
  ],
}

const block = (text: string) => ({_type: 'block', children: [{_type: 'span', text}]})
const docs: ScoredDocument[] = [
  {
    _id: 'article-1',
    _type: 'article',
    headline: 'Council Votes to Cap Rents',
    body: [block('Rents rose.'), block('Sign up for our newsletter')],
  },
  {_id: 'person-1', _type: 'person', name: 'Maria Lopez'},
  {_id: 'person-2', _type: 'person', name: 'Lopez'},
  {_id: 'person-3', _type: 'person', name: 'Ann Sharp'},
  {_id: 'person-4', _type: 'person', name: 'Jim Reed'},
  {_id: 'place-1', _type: 'place', name: 'Tacoma'},
  {_id: 'place-2', _type: 'place', name: 'Washington'},
  {
    _id: 'claim-1',
    _type: 'claim',
    statement: LOPEZ_SENTENCE,
    source: {kind: 'person', person: {_ref: 'person-1'}},
  },
  {
    _id: 'claim-2',
    _type: 'claim',
    statement: 'Landlords will leave the city',
    source: {kind: 'person', person: {_ref: 'person-4'}},
  },
  {
    _id: 'claim-3',
    _type: 'claim',
    statement: 'The weather was fine',
    source: {kind: 'unnamed', description: 'a resident'},
  },
]

describe('the extraction scorer', () => {
  const report = scoreExtraction(gold, docs)

  it('compares names without case, accents, dots, possessives or a leading "the"', () => {
    expect(normalize("The Gen. José Núñez's office")).toBe('gen jose nunez office')
  })

  it('finds the headline right but the article not ok when a boilerplate line is kept', () => {
    expect(report.article).toEqual({
      ok: false,
      headlineOk: true,
      paragraphs: 2,
      boilerplateKept: ['Sign up for our newsletter'],
    })
  })

  it('says why when the documents hold no article', () => {
    expect(scoreExtraction(gold, []).article).toEqual({ok: false, why: '0 article documents'})
  })

  it('matches people by name and mention, then by surname, counts a second match as a duplicate and ignores optional people', () => {
    expect(report.people).toMatchObject({tp: 2, fp: 1, fn: 0, precision: 0.667, recall: 1, f1: 0.8})
    expect(report.people.falsePositives).toEqual(['Lopez (duplicate of Maria Lopez)'])
  })

  it('marks a forbidden place among the false positives', () => {
    expect(report.places).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 0,
      f1: 0.667,
      falsePositives: ['Washington (forbidden)'],
    })
  })

  it('scores an entity type with nothing predicted as zero, not as perfect', () => {
    expect(report.organizations).toMatchObject({
      tp: 0,
      fp: 0,
      fn: 1,
      precision: 0,
      recall: 0,
      f1: 0,
      missed: ['City Council'],
    })
  })

  it('counts loose claim matches, and sourced matches only where the source is right', () => {
    expect(report.claims).toMatchObject({
      tp: 2,
      fp: 1,
      fn: 1,
      f1: 0.667,
      sourcedF1: 0.333,
      sourcedPrecision: 0.333,
      sourcedRecall: 0.333,
    })
    expect(report.claims.falsePositives).toEqual(['The weather was fine'])
    expect(report.claims.missed).toEqual(['Reed said the vote was rushed.'])
    expect(report.claims.wrongSource).toEqual([
      'one developer <- {"kind":"person","person":{"_ref":"person-4"}}',
    ])
  })

  it('refuses, at the strict threshold, a statement that is the whole sentence rather than its content', () => {
    expect(report.claimsStrict).toMatchObject({tp: 1, fp: 2, fn: 2, f1: 0.333, sourcedF1: 0})
    expect(report.claimsStrict.falsePositives[0]).toBe(LOPEZ_SENTENCE.slice(0, 80))
  })

  it('lists the bounds a report falls short of, and refuses a malformed bound', () => {
    expect(
      unmetRequirements(report, 'people.f1>=0.8, claims.sourcedF1>=0.5,article.ok>=1'),
    ).toEqual(['claims.sourcedF1=0.333 < 0.5', 'article.ok=false < 1'])
    expect(() => unmetRequirements(report, 'people.f1 > 0.8')).toThrow(/bad requirement/)
  })
})
