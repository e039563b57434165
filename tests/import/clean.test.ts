import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {cleanArticle} from '../../import/clean.ts'
import {normalizeArticleText} from '../../import/read.ts'
import {fixtures, BUNDLED, BUNDLED_GOLD} from './helpers.ts'

const clean = (text: string) => cleanArticle(normalizeArticleText(text))

describe('clean stage', () => {
  it('strips the bundled page widget and "Related"/"Recent" tails and finds the headline', () => {
    const cleaned = clean(readFileSync(BUNDLED, 'utf8'))
    const gold = JSON.parse(readFileSync(BUNDLED_GOLD, 'utf8'))
    expect(cleaned.headline).toBe(gold.headline)
    expect(cleaned.stripped).toEqual(gold.boilerplate_lines)
    expect(cleaned.paragraphs).toHaveLength(22)
  })

  it('finds a headline that is not the first line, and strips navigation, bylines, captions, share bars and tails', () => {
    const page = [
      'Skip to content',
      'Home',
      'World',
      'Business',
      'Sport',
      'Lisbon 21°C',
      'Harbour workers end strike after pay deal in Porto',
      'Union says members will return on Monday',
      'By Ana Costa',
      'Published 12 March 2025, 09:14 GMT',
      'Share',
      'Facebook',
      'Dockers at the port on Friday. Photo: Rui Lopes / Example Press',
      '',
      'Dock workers in Porto voted on Sunday to end a three-week strike after the port authority offered a 6% pay rise, the union said.',
      '',
      'The dispute had halted container traffic and left dozens of ships waiting offshore, according to the port authority.',
      'Advertisement',
      'Union leader Carla Mendes said the agreement was "a fair result for people who keep the country supplied".',
      'Related articles',
      'Fishing fleet ties up in protest over fuel prices',
      'Ferry operator cuts winter timetable',
      '© 2025 Example Press. All rights reserved.',
    ].join('\n')
    const cleaned = clean(page)
    expect(cleaned.headline).toBe('Harbour workers end strike after pay deal in Porto')
    expect(cleaned.dek).toBe('Union says members will return on Monday')
    expect(cleaned.paragraphs).toHaveLength(3)
    expect(cleaned.paragraphs[0]).toMatch(/^Dock workers in Porto voted/)
    for (const noise of [
      'Lisbon 21°C',
      'By Ana Costa',
      'Share',
      'Advertisement',
      'Related articles',
      'Ferry operator cuts winter timetable',
      '© 2025 Example Press. All rights reserved.',
    ])
      expect(cleaned.stripped).toContain(noise)
    expect(cleaned.byline).toBe('Ana Costa')
  })

  it.each(fixtures())(
    'finds the headline and drops the gold boilerplate of fixture %s',
    (_name, txt, gold) => {
      const cleaned = clean(readFileSync(txt, 'utf8'))
      const g = JSON.parse(readFileSync(gold, 'utf8'))
      const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()
      expect(norm(cleaned.headline)).toBe(norm(g.headline))
      const body = new Set(cleaned.paragraphs.map(norm))
      expect((g.boilerplate_lines as string[]).filter((l) => body.has(norm(l)))).toEqual([])
    },
  )
  it('strips slash breadcrumbs, newsletter boxes mid-story, separators, list widgets with their link titles, credited captions and notes about updating the story', () => {
    const cleaned = clean(
      [
        'Home',
        'Home / News / Business / Ports',
        'Harbour cranes fall silent as dock strike enters a third day',
        'Cranes stand idle at the container terminal on Wednesday. (Example Press / Jo Bloggs)',
        'Dock workers extended their strike on Wednesday, leaving ships waiting offshore and lorries queued along the highway.',
        '',
        'The port operator said it had offered a 4% rise and would not improve on it while the terminals stayed closed.',
        'list of 2 items',
        'list 1 of 2',
        'Fishing fleet ties up in protest over fuel prices in Lagos',
        'list 2 of 2',
        'Why the river port wants a new crane',
        'end of list',
        'Sign up to Harbour Weekly',
        'Free weekly newsletter',
        'The week in shipping, the good, the bad and the essential',
        'Privacy Notice: Newsletters may contain info about charities and online ads. For more information see our Privacy Policy.',
        'after newsletter promotion',
        '___',
        'The union said talks with the port operator would resume on Friday, after a week without progress on pay.',
        'Hauliers warned that perishable cargo in the queues would be lost if the dispute ran into next week.',
        'The Daily Example will continue to update this story as new information becomes available.',
      ].join('\n'),
    )
    expect(cleaned.headline).toBe('Harbour cranes fall silent as dock strike enters a third day')
    expect(cleaned.paragraphs).toEqual([
      'Dock workers extended their strike on Wednesday, leaving ships waiting offshore and lorries queued along the highway.',
      'The port operator said it had offered a 4% rise and would not improve on it while the terminals stayed closed.',
      'The union said talks with the port operator would resume on Friday, after a week without progress on pay.',
      'Hauliers warned that perishable cargo in the queues would be lost if the dispute ran into next week.',
    ])
    expect(cleaned.stripped).toEqual(
      expect.arrayContaining([
        'The week in shipping, the good, the bad and the essential',
        'Home / News / Business / Ports',
        'list of 2 items',
        'list 1 of 2',
        'Fishing fleet ties up in protest over fuel prices in Lagos',
        'end of list',
        '___',
        'Cranes stand idle at the container terminal on Wednesday. (Example Press / Jo Bloggs)',
      ]),
    )
  })
})
