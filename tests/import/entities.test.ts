import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {cleanArticle} from '../../import/clean.ts'
import {extractEntities, type Entity} from '../../import/entities.ts'
import {normalizeArticleText} from '../../import/read.ts'
import {structureArticle} from '../../import/structure.ts'
import {BUNDLED} from './helpers.ts'

const entitiesOf = (text: string) => {
  const index = extractEntities(structureArticle(cleanArticle(normalizeArticleText(text))))
  const all = [...index.entities.values()]
  const named = (type: Entity['type']) => all.filter((e) => e.type === type)
  return {
    index,
    people: named('person'),
    places: named('place'),
    organizations: named('organization'),
  }
}
const page = (...paragraphs: string[]) =>
  ['A headline about the matter at hand today', '', ...paragraphs].join('\n\n')

describe('entities stage on the bundled article', () => {
  const {people, places, organizations, index} = entitiesOf(readFileSync(BUNDLED, 'utf8'))
  const person = (name: string) => people.find((p) => p.name === name)

  it('finds each person once, surname-only mentions merged into the full name', () => {
    expect(people.map((p) => p.name).sort()).toEqual([
      'Ali Khamenei',
      'Ali Vaez',
      'Gregory Brew',
      'Hossein Amirabdollahian',
      'Joe Biden',
      'Netanyahu',
    ])
    expect([...person('Ali Khamenei')!.aliases]).toEqual(
      expect.arrayContaining(['Ali Khamenei', 'Khamenei']),
    )
  })
  it('keeps titles as roles, not names, with the organization when stated', () => {
    expect(person('Ali Khamenei')!.roles).toEqual([{title: 'Supreme Leader'}])
    expect(person('Joe Biden')!.roles).toEqual([{title: 'President'}])
    expect(person('Gregory Brew')!.roles).toEqual([
      {title: 'analyst', organizationKey: 'organization:eurasia group'},
    ])
    expect(person('Ali Vaez')!.roles[0]!.organizationKey).toBe(
      'organization:international crisis group',
    )
    expect(person('Hossein Amirabdollahian')!.nationalityKey).toBe('place:iran')
  })
  it('types the White House and the Pentagon as organizations, never places', () => {
    expect(organizations.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'White House',
        'Pentagon',
        'Eurasia Group',
        'International Crisis Group',
        'Hamas',
        'Axis of Resistance',
      ]),
    )
    expect(places.map((p) => p.name)).not.toContain('White House')
  })
  it('finds countries by name and demonym, the US as one place, and cities with GeoNames ids', () => {
    const iran = places.find((p) => p.name === 'Iran')!
    expect([...iran.aliases]).toEqual(expect.arrayContaining(['Iran', 'Iranian']))
    expect(places.filter((p) => p.place?.isoCode === 'US')).toHaveLength(1)
    const damascus = places.find((p) => p.name === 'Damascus')!
    expect(damascus.place).toMatchObject({kind: 'city', geonamesId: 170654, countryCode: 'SY'})
  })
  it('ignores a place named only in the page widget', () => {
    expect(places.map((p) => p.name)).not.toContain('New York')
    for (const e of index.entities.values())
      for (const m of e.mentions)
        expect(index.units[m.unit]!.text.slice(m.start, m.end)).toBe(m.text)
  })
})

describe('entities stage on general text', () => {
  it('reads lowercase roles and appositions, and merges a later surname', () => {
    const {people, organizations} = entitiesOf(
      page(
        'Climate economist Maria Lindqvist, a senior fellow at the Stockholm Environment Institute, said the tax was overdue.',
        'Lindqvist added that revenue would fund rail projects in Gothenburg and Malmo.',
      ),
    )
    expect(people.map((p) => p.name)).toEqual(['Maria Lindqvist'])
    expect(people[0]!.mentions).toHaveLength(2)
    expect(people[0]!.roles).toContainEqual({
      title: 'senior fellow',
      organizationKey: 'organization:stockholm environment institute',
    })
    expect(organizations.map((o) => o.name)).toEqual(['Stockholm Environment Institute'])
  })
  it('does not take sentence-initial common words or months for names', () => {
    const {people, places, organizations} = entitiesOf(
      page(
        'During March, Officials said nothing. Markets fell while Analysts waited in Berlin for news.',
      ),
    )
    expect(people).toEqual([])
    expect(organizations).toEqual([])
    expect(places.map((p) => p.name)).toEqual(['Berlin'])
  })
  it('treats a city word that is a person name as a person when a given name precedes it', () => {
    const {people, places} = entitiesOf(
      page('Michael Jordan visited Chicago on Tuesday, where Jordan met fans near the stadium.'),
    )
    expect(people.map((p) => p.name)).toEqual(['Michael Jordan'])
    expect(places.map((p) => p.name)).toEqual(['Chicago'])
  })
  it("keeps a role's possessive inside an organization's name, and reads a partnership as a firm", () => {
    const {people, organizations} = entitiesOf(
      page(
        "The Marin County Sheriff's Office said deputies closed the road before dawn.",
        'Lawyers from the firm Baxter & Lowe filed the complaint on Tuesday, said Sheriff Dana Whitfield.',
      ),
    )
    expect(organizations.map((o) => o.name).sort()).toEqual([
      'Baxter & Lowe',
      "Marin County Sheriff's Office",
    ])
    expect(people.map((p) => [p.name, p.roles[0]?.title])).toEqual([['Dana Whitfield', 'Sheriff']])
  })
  it('does not take a day after a common noun for an organization the text introduces', () => {
    const {organizations} = entitiesOf(
      page('Patients sued the firm Tuesday, accusing it of ignoring warnings about weak security.'),
    )
    expect(organizations).toEqual([])
  })
  it('does not take a month that shares a town’s name for a place', () => {
    const {places} = entitiesOf(
      page(
        'The bank ended its negative rates in March 2024 and has raised them twice since, officials in Tokyo said.',
      ),
    )
    expect(places.map((p) => p.name)).toEqual(['Tokyo'])
  })
  it('reads initials followed by a surname as a person, and merges the later surname', () => {
    const {people, organizations} = entitiesOf(
      page(
        'Speaking to reporters, M.V. Gopinathan said the party accepted the verdict.',
        'Mr. Gopinathan added that the U.S. Navy had no role.',
      ),
    )
    expect(people.map((p) => [p.name, p.mentions.length])).toEqual([['M.V. Gopinathan', 2]])
    expect(organizations.map((o) => o.name)).toContain('U.S. Navy')
  })
  it('takes an acronym in brackets after an organization for its short name, one organization not two', () => {
    const {organizations} = entitiesOf(
      page(
        'The Election Commission of India (ECI) said turnout was 77%.',
        'Later, the ECI said counting was over.',
      ),
    )
    expect(
      organizations.map((o) => [o.name, [...o.aliases].includes('ECI'), o.mentions.length]),
    ).toEqual([['Election Commission of India', true, 2]])
  })
  it('reads a dateline in the outlet’s own case ("Springfield – …") as the place the story was filed from', async () => {
    const {buildDocuments} = await import('../../import/pipeline.ts')
    const {article, places} = buildDocuments(
      page(
        'Indianapolis – Several thousand teachers wearing red surrounded the Statehouse on Tuesday to call for better pay.',
        'Union leaders said the rally was the largest in a decade.',
      ),
      {sourceFile: 'x.txt'},
    )
    expect(places.map((p) => p.name)).toContain('Indianapolis')
    expect(article.dateline).toEqual({_type: 'reference', _ref: 'place-indianapolis'})
  })
})

describe('names the lexicon does not know', () => {
  it('reads two unknown words as a person when the story later uses the last one alone', () => {
    const {people} = entitiesOf(
      page(
        'Tamsin Orrowby did not expect the visit.',
        '"It surprised me," said Orrowby, who runs a bakery.',
      ),
    )
    expect(people.map((p) => p.name)).toEqual(['Tamsin Orrowby'])
  })
  it('takes a given name after an unknown word for a surname ("Deval Patrick" shape)', () => {
    const {people} = entitiesOf(
      page(
        'The newest hopeful, Varel Patrick, would be stopping by.',
        'When Patrick walked in, the room turned around.',
      ),
    )
    expect(people.map((p) => p.name)).toEqual(['Varel Patrick'])
  })
  it('reads a Gaelic patronymic prefix as a surname even on its only mention', () => {
    const {people} = entitiesOf(page('A former Brannock O’Dwyer supporter, she is now undecided.'))
    expect(people.map((p) => p.name)).toEqual(["Brannock O'Dwyer"])
  })
  it('reads a title with an "of" phrase before a given name ("Secretary of State X")', () => {
    const {people} = entitiesOf(
      page('The plan was announced by Secretary of State Mira Castellan on Monday.'),
    )
    expect(people.map((p) => [p.name, p.roles[0]?.title])).toEqual([
      ['Mira Castellan', 'Secretary of State'],
    ])
  })
  it('splits a place from the person named right after it', () => {
    const {people, places} = entitiesOf(
      page('A former envoy to Ukraine Brent Halvorsen changed his account.'),
    )
    expect(people.map((p) => p.name)).toEqual(['Brent Halvorsen'])
    expect(places.map((p) => p.name)).toEqual(['Ukraine'])
  })
  it('reads an unknown name after a title and an organization as the person ("CPUC President X Y")', () => {
    const {people} = entitiesOf(
      page('In a letter, ZRPC President Marybeth Quandrel said service mattered.'),
    )
    expect(people.map((p) => p.name)).toEqual(['Marybeth Quandrel'])
  })
  it('reads another given name with a family name the story already uses as another person of that family', () => {
    const {people} = entitiesOf(
      page(
        'John Harrowgate spoke first.',
        'The firm on whose board Hunter Harrowgate sat was named.',
      ),
    )
    expect(people.map((p) => p.name).sort()).toEqual(['Hunter Harrowgate', 'John Harrowgate'])
  })
  it('does not make a person of a hyphenated origin word before a surname', () => {
    const {people} = entitiesOf(
      page(
        'Wren Talbot spoke first.',
        'Later the Welsh-born Talbot left the hall, and Talbot did not return.',
      ),
    )
    expect(people.map((p) => p.name)).toEqual(['Wren Talbot'])
  })
})

describe('places named by their generic term', () => {
  const placeNames = (...ps: string[]) =>
    entitiesOf(page(...ps))
      .places.map((p) => p.name)
      .sort()
  it('reads "X County", a plateau and a mountain as places, not people or organizations', () => {
    expect(
      placeNames('Crews worked in Dunmore County and on Mount Kessa, near the Varnell Plateau.'),
    ).toEqual(['Dunmore County', 'Mount Kessa', 'Varnell Plateau'])
  })
  it('keeps a county office an organization', () => {
    const {organizations, places} = entitiesOf(
      page('The Dunmore County Sheriff’s Office said deputies were on the road.'),
    )
    expect(organizations.map((o) => o.name)).toContain("Dunmore County Sheriff's Office")
    expect(places.map((p) => p.name)).not.toContain('Dunmore County')
  })
  it('names a part of a known place by its compass word, capitalized or not, but not by a description', () => {
    expect(
      placeNames(
        'Fires spread across Southern California.',
        'Families in east Jerusalem waited.',
        'Rain fell over central Nevada.',
      ),
    ).toEqual(['East Jerusalem', 'Nevada', 'Southern California'])
  })
  it('reads names coordinated before a plural term as one of each ("X and Y counties")', () => {
    expect(placeNames('Warnings cover Dunmore and Halloway counties.')).toEqual([
      'Dunmore County',
      'Halloway County',
    ])
  })
  it('reads a lowercase generic term after a name as part of it', () => {
    expect(placeNames('Herders on the Varnell plateau lost cattle.')).toEqual(['Varnell Plateau'])
  })
  it('takes "Sierra" before a known region for a range and before a surname for a person', () => {
    const {people, places} = entitiesOf(
      page('Snow fell on the Sierra Nevada, and Sierra Ostrova said the roads were shut.'),
    )
    expect(places.map((p) => p.name)).toEqual(['Sierra Nevada'])
    expect(people.map((p) => p.name)).toEqual(['Sierra Ostrova'])
  })
  it('splits "X and the Y" into two names', () => {
    expect(placeNames('Settlements in Jerusalem and the West Bank grew.')).toEqual([
      'Jerusalem',
      'West Bank',
    ])
  })
})

describe('short forms of names met before', () => {
  it('links a family name written first ("Li" for "Li Jifeng") when no one else has it', () => {
    const {people} = entitiesOf(
      page(
        'Li Wenqiao, a doctor at the clinic, wrote about the case.',
        'Li explained that the tests took days.',
      ),
    )
    expect(people.map((p) => [p.name, p.mentions.length])).toEqual([['Li Wenqiao', 2]])
  })
  it('reads an acronym of an organization’s leading words, alone or after a nationality, as that organization', () => {
    const {organizations} = entitiesOf(
      page(
        'The Norwegian Bureau for Harbour Safety said the port was closed.',
        'The BHS said on Monday it would reopen.',
        'Later the Norwegian BHS said talks went on.',
      ),
    )
    expect(organizations.map((o) => [o.name, o.mentions.length])).toEqual([
      ['Norwegian Bureau for Harbour Safety', 3],
    ])
  })
})

describe('titles without a name', () => {
  it('reads a title with its remit and no name as an office, not a person named by the remit', () => {
    const {people, organizations} = entitiesOf(
      page('The United Nations High Commissioner for Human Rights said the ruling stood.'),
    )
    expect(people).toEqual([])
    expect(organizations.map((o) => o.name)).toEqual([
      'United Nations High Commissioner for Human Rights',
    ])
  })
  it('still reads a hyphenated given name after a title with an "of" phrase as the person', () => {
    const {people} = entitiesOf(
      page(
        'The decision was taken by Deputy Director of Public Works Eva-Marie Lindqvist on Monday.',
      ),
    )
    expect(people.map((p) => [p.name, p.roles[0]?.title])).toEqual([
      ['Eva-Marie Lindqvist', 'Deputy Director of Public Works'],
    ])
  })
})

describe('parties by their adjectives', () => {
  it('reads a party’s capitalized adjective as a mention of it in a story set in its country', () => {
    const {organizations} = entitiesOf(
      page(
        'Teachers rallied in Columbia, South Carolina, on Tuesday to call for better pay from lawmakers.',
        'Republican Gov. Mark Ellery and leaders of the GOP-dominated Legislature stayed away, while Democratic candidates came.',
      ),
    )
    expect(organizations.map((o) => [o.name, [...o.aliases].sort()])).toEqual(
      expect.arrayContaining([
        ['Republican Party', ['GOP', 'Republican']],
        ['Democratic Party', ['Democratic']],
      ]),
    )
  })
  it('does not read them as that country’s parties in a story set elsewhere', () => {
    const {organizations} = entitiesOf(
      page(
        'In Lagos, the Democratic candidates of the opposition met on Tuesday to agree on a single list.',
      ),
    )
    expect(organizations.map((o) => o.name)).not.toContain('Democratic Party')
  })
  it('keeps a time qualifier out of the organization a title names', () => {
    const {organizations, people} = entitiesOf(
      page(
        'Former National Security Council official Timothy Morrison told investigators that he saw the call.',
      ),
    )
    expect(organizations.map((o) => o.name)).toEqual(['National Security Council'])
    expect(people.map((p) => p.name)).toEqual(['Timothy Morrison'])
  })
})

describe('organization names that are easy to cut or merge', () => {
  it('keeps "U.S.-Korea Group" whole', () => {
    expect(
      entitiesOf(
        page('The U.S.-Korea Group said the summit would go ahead as planned.'),
      ).organizations.map((o) => o.name),
    ).toEqual(['U.S.-Korea Group'])
  })
  it('splits two headed names joined by "and", but not "Department of Health and Human Services"', () => {
    const names = (text: string) => entitiesOf(page(text)).organizations.map((o) => o.name)
    expect(
      names('The Coastal Protection Agency and State Harbour Board said the dunes were shrinking.'),
    ).toEqual(['Coastal Protection Agency', 'State Harbour Board'])
    expect(
      names('The Department of Health and Human Services said cases rose again last week.'),
    ).toEqual(['Department of Health and Human Services'])
  })
  it('takes "X, or ACR," for the short name of X', () => {
    const {organizations} = entitiesOf(
      page(
        'The Authority for Coastal Research, or ACR, said the sea had risen.',
        'Later the ACR said the dunes moved inland.',
      ),
    )
    expect(organizations.map((o) => [o.name, o.mentions.length])).toEqual([
      ['Authority for Coastal Research', 2],
    ])
  })
  it('splits "<hyphenated given name> <surname> of the <outlet>" into the person and the organization', () => {
    const {people, organizations} = entitiesOf(
      page(
        'The couple was quarantined, according to Mei-Ling Tsao of the Harbour Gazette Group, and the city was calm.',
      ),
    )
    expect(people.map((p) => p.name)).toEqual(['Mei-Ling Tsao'])
    expect(organizations.map((o) => o.name)).toEqual(['Harbour Gazette Group'])
  })
  it('keeps letters beyond ASCII in names', () => {
    expect(
      entitiesOf(
        page('François Lemaire, who chairs the committee, said the vote was fair.'),
      ).people.map((p) => p.name),
    ).toEqual(['François Lemaire'])
  })
  it('does not read a surname ending in -man as a role noun', () => {
    const {people} = entitiesOf(
      page(
        'Officials said Rosa Holtzman spoke first at the meeting on Tuesday night, and Holtzman said the talks were over.',
      ),
    )
    expect(people.map((p) => [p.name, p.mentions.length])).toEqual([['Rosa Holtzman', 2]])
  })
})

describe('regions and features without a gazetteer entry', () => {
  it('reads "the West" as a region, and a river and a camp by their generic term', () => {
    const {places} = entitiesOf(
      page(
        'Fears spread in the West after floods on the Varna River reached the Kessel Refugee Camp on Monday.',
      ),
    )
    expect(places.map((p) => p.name).sort()).toEqual([
      'Kessel Refugee Camp',
      'Varna River',
      'the West',
    ])
  })
})

describe('compass names of teams', () => {
  it('does not read a compass word and a state before a role noun as a region', () => {
    const {places} = entitiesOf(
      page('Eastern Vermont quarterback Jon Hale threw for 300 yards on Saturday in the rain.'),
    )
    expect(places.map((p) => p.name)).not.toContain('Eastern Vermont')
  })
})
