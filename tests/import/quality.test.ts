// The quality bars of issue 4, measured by the project's scorer (import/quality/score.ts) on buildDocuments' output.
import {describe, expect, it} from 'vitest'
import {BUNDLED, BUNDLED_GOLD, fixtures, score} from './helpers.ts'

describe('extraction quality', () => {
  it('meets the bars on the bundled article: entities F1 ≥ 0.95, no forbidden place, article ok, sourced claims F1 ≥ 0.90', () => {
    const {report, unmet} = score(
      BUNDLED,
      BUNDLED_GOLD,
      'people.f1>=0.95,places.f1>=0.95,organizations.f1>=0.95,claims.sourcedF1>=0.9',
    )
    expect(unmet).toEqual([])
    expect(report.article.ok).toBe(true)
    expect(report.places.falsePositives.filter((p) => p.includes('(forbidden)'))).toEqual([])
  })

  // Modest floors on articles written for testing, so a regression shows; the figures are in the report.
  it.each(fixtures())('keeps fixture %s above its floors', (_name, txt, gold) => {
    const {report} = score(txt, gold)
    expect(report.article.ok).toBe(true)
    expect(report.places.falsePositives.filter((p) => p.includes('(forbidden)'))).toEqual([])
    expect(report.people.f1).toBeGreaterThanOrEqual(0.7)
    expect(report.places.f1).toBeGreaterThanOrEqual(0.6)
    expect(report.organizations.f1).toBeGreaterThanOrEqual(0.4)
    expect(report.claims.f1).toBeGreaterThanOrEqual(0.7)
    expect(report.claims.sourcedF1).toBeGreaterThanOrEqual(0.6)
  })
})
