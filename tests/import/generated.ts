// Invented news pages for batch tests and the batch benchmark: whole-page text dumps in the shape the
// import reads (site furniture, headline, byline, paragraphs with attributed statements), each one
// different by its number so no two pages make the same documents.
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const GIVEN = [
  'Maria',
  'Tomas',
  'Aisha',
  'Henrik',
  'Leila',
  'Owen',
  'Priya',
  'Jonas',
  'Chiara',
  'Kwame',
  'Ines',
  'Dmitri',
]
const FAMILY = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Haddad',
  'Castellano',
  'Brennan',
  'Nakamura',
  'Petrov',
  'Adeyemi',
  'Sorensen',
  'Varga',
]
const TOWNS = [
  'Brookfield',
  'Marlow',
  'Ashby',
  'Kilden',
  'Fairhaven',
  'Rosslare',
  'Dunmore',
  'Westcliff',
  'Halden',
  'Tarrow',
]
const TOPICS = [
  'a new bus depot',
  'the school budget',
  'a flood barrier',
  'rent controls',
  'the harbour lease',
  'a library extension',
]

/** Letters only, from a page number, so a generated name is a word and differs page by page. */
function tag(n: number): string {
  let out = ''
  let rest = n
  do {
    out += String.fromCharCode(97 + (rest % 26))
    rest = Math.floor(rest / 26)
  } while (rest > 0)
  return out.charAt(0).toUpperCase() + out.slice(1)
}

/** The text of invented page `n`. */
export function generatedPage(n: number): string {
  const pick = <T>(list: T[], salt: number) => list[(n * 7 + salt) % list.length]!
  const speaker = `${pick(GIVEN, 1)} ${pick(FAMILY, 2)}${tag(n).toLowerCase()}`
  const critic = `${pick(GIVEN, 5)} ${pick(FAMILY, 3)}`
  const town = `${pick(TOWNS, 4)}${tag(n).toLowerCase()}`
  const topic = pick(TOPICS, 6)
  return [
    'Home',
    'News',
    'Sport',
    'Sign in',
    `${town} council approves ${topic} after long debate`,
    `By ${pick(GIVEN, 9)} ${pick(FAMILY, 8)}`,
    `March ${(n % 28) + 1}, 2024`,
    `The ${town} town council voted on Tuesday to approve ${topic}, ending a debate that ran for most of the year.`,
    `"This is the right decision for the people of ${town}," said council leader ${speaker}, who proposed the plan in January.`,
    `${speaker} said the work would start in the spring and finish within two years.`,
    `Opposition councillor ${critic} said the cost had been understated and that residents had not been consulted.`,
    `According to a council report, the project will cost ${(n % 90) + 10} million pounds.`,
    'Related articles',
    'Subscribe to our newsletter',
  ].join('\n')
}

/** Writes pages `0 … count-1` into `dir` as `page-00000.txt` …; returns their paths. */
export function writeGeneratedPages(dir: string, count: number, start = 0): string[] {
  mkdirSync(dir, {recursive: true})
  const files: string[] = []
  for (let n = start; n < start + count; n++) {
    const file = join(dir, `page-${String(n).padStart(5, '0')}.txt`)
    writeFileSync(file, generatedPage(n))
    files.push(file)
  }
  return files
}
