import {describe, expect, test} from 'vitest'

import {TextIndex} from '../../lake/text-index.ts'
import type {SanityDocument} from '../../lake/types.ts'

const docs = [
  {_id: 'a', _type: 't', title: 'Ali Vaez said'},
  {_id: 'b', _type: 't', title: ['U.S. officials', 'e-mail']},
  {_id: 'c', _type: 't', title: 'VAEZI, Straße'},
  {_id: 'd', _type: 't', title: 42},
] as unknown as SanityDocument[]
const index = new TextIndex(docs, (doc) => (doc as unknown as {title: unknown}).title)
const ids = (pattern: unknown) => index.lookup(pattern).map((doc) => doc._id)

describe('TextIndex', () => {
  test('finds whole tokens case-insensitively, and prefixes for a trailing *', () => {
    expect(ids('vaez')).toEqual(['a'])
    expect(ids('VAE*')).toEqual(['a', 'c'])
    expect(ids('ali va*')).toEqual(['a'])
    expect(ids('mail')).toEqual(['b'])
    // Dots at a word's edge go, in the text and in the pattern alike: "U.S." is the token "US".
    expect(ids('u.s')).toEqual(['b'])
  })

  test('finds nothing for a pattern without terms, as groq-js matches nothing then', () => {
    expect(ids('')).toEqual([])
    expect(ids('  -- ')).toEqual([])
  })

  test('gives every document when it cannot tell: inner wildcards, a dot groq-js keeps, non-ASCII, non-strings', () => {
    for (const pattern of ['*aez', 'é.é', 'straße', '*', null, 5])
      expect(ids(pattern)).toEqual(['a', 'b', 'c', 'd'])
  })
})
