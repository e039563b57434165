import {describe, expect, it} from 'vitest'
import {chooseHeadline, titleOverlap} from '../../import/clean/headline.ts'
import {cleanArticle} from '../../import/clean.ts'
import {normalizeArticleText} from '../../import/read.ts'

const BODY = [
  'Dock workers in Porto voted on Sunday to end a three-week strike after the port authority offered a six per cent pay rise, the union said.',
  'The strike had halted container traffic at the port and left dozens of ships waiting offshore, according to the port authority.',
  'Union leader Carla Mendes said the pay deal was a fair result for dock workers who keep the country supplied through the winter.',
]
const pick = (lines: string[], runStart: number) =>
  lines[chooseHeadline(lines, runStart, lines.length - 1)!.index]

describe('headline choice in a text dump', () => {
  it('takes the title that matches the body over an earlier alert line and a later caption', () => {
    const lines = [
      'BREAKING: Storm warning for the north coast tonight',
      'Porto dock workers end strike after pay rise',
      'Cranes stand idle at the terminal on Friday.',
      ...BODY,
    ]
    expect(pick(lines, 3)).toBe('Porto dock workers end strike after pay rise')
  })

  it('takes the headline, not the longer dek below it that shares more words with the body', () => {
    const lines = [
      'Porto dock workers end strike',
      'Union says the pay rise for dock workers ends three weeks of strike at the port',
      'By Ana Costa',
      ...BODY,
    ]
    expect(pick(lines, 3)).toBe('Porto dock workers end strike')
  })

  it('does not take a kicker in capitals above the headline', () => {
    const lines = [
      'PORT STRIKE 2025',
      'Porto dock workers end strike after pay rise',
      'By Ana Costa',
      ...BODY,
    ]
    expect(pick(lines, 3)).toBe('Porto dock workers end strike after pay rise')
  })

  it('does not take a "Read this story in …" line or a site name for the headline', () => {
    const lines = [
      'EXAMPLE PRESS',
      'Read this story in Portuguese',
      'Porto dock workers end strike after pay rise',
      ...BODY,
    ]
    expect(pick(lines, 3)).toBe('Porto dock workers end strike after pay rise')
  })

  it('prefers a line carrying a title known from the page metadata', () => {
    const lines = ['Ferry operator cuts winter timetable', 'Porto dockers back at work', ...BODY]
    expect(
      lines[
        chooseHeadline(lines, 2, lines.length - 1, 'Porto dockers back at work | Example Press')!
          .index
      ],
    ).toBe('Porto dockers back at work')
    expect(
      titleOverlap('Porto dockers back at work', 'Porto dockers back at work | Example Press'),
    ).toBe(1)
  })

  it('never joins a title line with the line below it', () => {
    const cleaned = cleanArticle(
      normalizeArticleText(
        ['Porto dock workers end their strike after a pay rise', '1 / 5', ...BODY].join('\n'),
      ),
    )
    expect(cleaned.headline).toBe('Porto dock workers end their strike after a pay rise')
    expect(cleaned.paragraphs).toEqual(BODY)
  })
})
