// The mendoza encoder against mendoza's own decoder (the one the Studio runs): applying a patch to
// the old value must give the new one, and the reverse patch must give the old one back.
import {applyPatch} from 'mendoza'
import {describe, expect, it} from 'vitest'
import {mendozaPatch} from '../../lake/mendoza.ts'

const roundTrip = (from: unknown, to: unknown) => {
  expect(applyPatch(from, mendozaPatch(from, to))).toEqual(to)
  expect(applyPatch(to, mendozaPatch(to, from))).toEqual(from)
}

describe('mendozaPatch', () => {
  it('writes a whole value for a created or deleted document', () => {
    expect(mendozaPatch(null, {_id: 'a', n: 1})).toEqual([0, {_id: 'a', n: 1}])
    expect(mendozaPatch({_id: 'a'}, null)).toEqual([0, null])
    roundTrip(null, {_id: 'a', n: 1})
  })

  it('leaves an unchanged document as it is with an empty patch', () => {
    expect(mendozaPatch({a: 1, b: [1, 2]}, {a: 1, b: [1, 2]})).toEqual([])
  })

  it('changes only the fields that differ, nested objects field by field', () => {
    const from = {
      _id: 'x',
      title: 'Old',
      kept: {a: 1},
      source: {kind: 'person', name: 'A'},
      gone: 1,
    }
    const to = {
      _id: 'x',
      title: 'New',
      kept: {a: 1},
      source: {kind: 'person', name: 'B'},
      added: [1],
    }
    const patch = mendozaPatch(from, to)
    roundTrip(from, to)
    expect(JSON.stringify(patch)).not.toContain('"kept"')
    expect(JSON.stringify(patch)).not.toContain('"kind"')
  })

  it('keeps the unchanged start and end of a string, counting UTF-8 bytes as mendoza does', () => {
    const from = {name: 'Édited by 😀 Ada Lovelace'}
    const to = {name: 'Édited by 😀 Grace Lovelace'}
    const patch = mendozaPatch(from, to)
    roundTrip(from, to)
    // Only the changed middle travels as text; the rest are slices of the old string.
    expect(patch.filter((op) => typeof op === 'string')).toEqual(['Grace'])
    roundTrip({s: 'abc'}, {s: 'abXc'})
    roundTrip({s: 'abc'}, {s: 'xyz'})
    roundTrip({s: 'aaa'}, {s: 'aa'})
  })

  it('round-trips random documents through mendoza’s own applyPatch', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const value = (depth: number): unknown => {
      const pick = random()
      if (depth > 2 || pick < 0.3) return Math.floor(random() * 5)
      if (pick < 0.45)
        return Array.from(
          {length: Math.floor(random() * 5)},
          () => ['a', 'b', 'ç', '😀'][Math.floor(random() * 4)],
        ).join('')
      if (pick < 0.55) return null
      if (pick < 0.7) return [value(depth + 1), value(depth + 1)]
      const object: Record<string, unknown> = {}
      for (const key of ['a', 'B', '_z', 'é', 'k1', 'k10'])
        if (random() < 0.5) object[key] = value(depth + 1)
      return object
    }
    for (let i = 0; i < 300; i++) roundTrip(value(0), value(0))
  })
})
