import {describe, expect, test} from 'vitest'
import {html} from '../../reader/html.ts'
import {clauseText, reportFrame} from '../../reader/reportedSpeech.ts'
import {attributedStatement} from '../../reader/wording.ts'

const source = html`<a href="/people/ada-quill">Ada Quill</a>`
const text = (claim: {statement: string; quoteType: string; cue: string}) =>
  String(attributedStatement(claim, source))

describe('reported speech on the reader', () => {
  test('frames a reporting verb as the article used it, tense and particle included', () => {
    expect(reportFrame('said')).toEqual({kind: 'verb', verb: 'said'})
    expect(reportFrame('says')).toEqual({kind: 'verb', verb: 'says'})
    expect(reportFrame('pointed out')).toEqual({kind: 'verb', verb: 'pointed out'})
    expect(reportFrame('told')).toEqual({kind: 'verb', verb: 'told'})
  })

  test('turns a gerund cue into the finite verb a sentence needs', () => {
    expect(reportFrame('saying')).toEqual({kind: 'verb', verb: 'said'})
    expect(reportFrame('noting')).toEqual({kind: 'verb', verb: 'noted'})
    expect(reportFrame('slamming')).toEqual({kind: 'verb', verb: 'slammed'})
  })

  test('treats a cue that is no reporting verb as a preposition', () => {
    expect(reportFrame('according to')).toEqual({kind: 'preposition', cue: 'according to'})
    expect(reportFrame('as per')).toEqual({kind: 'preposition', cue: 'as per'})
  })

  test('lower-cases a statement that starts with a function word, never one that starts with a name', () => {
    expect(clauseText('The harbour will close in May')).toBe('the harbour will close in May')
    expect(clauseText('They would not resign')).toBe('they would not resign')
    expect(clauseText('Norway will close the harbour')).toBe('Norway will close the harbour')
    expect(clauseText('I will stay')).toBe('I will stay')
  })

  test('prints an indirect claim as "source said …" with no quotation marks', () => {
    const out = text({
      statement: 'The harbour will close in May',
      quoteType: 'indirect',
      cue: 'said',
    })
    expect(out).toBe(
      '<span class="paraphrase"><a href="/people/ada-quill">Ada Quill</a> said the harbour will close in May</span>',
    )
  })

  test('adds no "that" of its own, so an object statement reads as the article wrote it', () => {
    const out = text({statement: 'its involvement', quoteType: 'indirect', cue: 'acknowledged'})
    expect(out).toBe(
      '<span class="paraphrase"><a href="/people/ada-quill">Ada Quill</a> acknowledged its involvement</span>',
    )
  })

  test('prints a prepositional cue first, capitalised, with the statement after a comma', () => {
    const out = text({
      statement: 'Norway raised fares by a third',
      quoteType: 'indirect',
      cue: 'according to',
    })
    expect(out).toBe(
      '<span class="paraphrase">According to <a href="/people/ada-quill">Ada Quill</a>, Norway raised fares by a third</span>',
    )
  })

  test('keeps a direct quote in quotation marks with its cue and source after it', () => {
    const out = text({statement: 'We will not move', quoteType: 'direct', cue: 'said'})
    expect(out).toBe(
      '<q class="direct">We will not move</q> <span class="meta">— said <a href="/people/ada-quill">Ada Quill</a></span>',
    )
  })
})
