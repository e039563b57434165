import {describe, expect, it} from 'vitest'
import {splitSentences} from '../../import/structure.ts'

const texts = (t: string) => splitSentences(t).map((s) => s.text)

describe('structure stage: sentences', () => {
  it('does not split after titles, initials, months or dotted abbreviations inside a sentence', () => {
    expect(
      texts(
        'Gen. Mark Milley met Dr. Jane Roe and Mr. J. K. Smith on Jan. 5 in St. Louis. Then they left.',
      ),
    ).toEqual([
      'Gen. Mark Milley met Dr. Jane Roe and Mr. J. K. Smith on Jan. 5 in St. Louis.',
      'Then they left.',
    ])
  })
  it('keeps "U.S." inside a sentence and splits after it before a sentence opener', () => {
    expect(
      texts('The U.S. Navy said it would sail. Talks with the U.S. The next round is set.'),
    ).toEqual([
      'The U.S. Navy said it would sail.',
      'Talks with the U.S.',
      'The next round is set.',
    ])
  })
  it('splits after a closing quotation mark and keeps offsets into the paragraph', () => {
    const text = '"We will win," she said. "No doubt." He agreed.'
    const sentences = splitSentences(text)
    expect(sentences.map((s) => s.text)).toEqual([
      '"We will win," she said.',
      '"No doubt."',
      'He agreed.',
    ])
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text)
  })
})
