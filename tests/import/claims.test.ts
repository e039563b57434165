import {describe, expect, it} from 'vitest'
import {extractClaims, HEADLINE_PARAGRAPH, type ClaimDraft} from '../../import/claims.ts'
import {cleanArticle} from '../../import/clean.ts'
import {extractEntities} from '../../import/entities.ts'
import {normalizeArticleText} from '../../import/read.ts'
import {structureArticle} from '../../import/structure.ts'

const claimsOf = (...paragraphs: string[]) => {
  const article = structureArticle(
    cleanArticle(
      normalizeArticleText(
        ['Regional talks resume after a week of delays and protests', '', ...paragraphs].join(
          '\n\n',
        ),
      ),
    ),
  )
  const index = extractEntities(article)
  const claims = extractClaims(article, index)
  const sourceName = (c: ClaimDraft) =>
    c.source.entityKey ? index.entities.get(c.source.entityKey)?.name : c.source.description
  return claims.map((c) => ({
    statement: c.statement,
    cue: c.cue,
    kind: c.source.kind,
    source: sourceName(c),
    quoteType: c.quoteType,
    hedging: c.hedging,
    claim: c,
  }))
}

describe('claims stage', () => {
  it('reads "X said (that) …" and "…, X said" with the content span, not the sentence', () => {
    const [a, b] = claimsOf(
      'Finance Minister Paolo Conti said that the budget would be balanced by next year.',
      'The deficit narrowed in the last quarter, Paolo Conti said on Tuesday.',
    )
    expect(a).toMatchObject({
      statement: 'the budget would be balanced by next year',
      cue: 'said',
      kind: 'person',
      source: 'Paolo Conti',
      quoteType: 'indirect',
    })
    expect(b).toMatchObject({
      statement: 'The deficit narrowed in the last quarter',
      kind: 'person',
      source: 'Paolo Conti',
    })
  })
  it('reads "according to", "as per" and "as indicated by" before and after the content', () => {
    const claims = claimsOf(
      'According to Hanna Berg of the Nordic Policy Institute, the ceasefire is unlikely to hold.',
      'Prices will rise again next month, according to two officials familiar with the plan.',
      'The shipment, as per customs records, was cleared in a single day.',
    )
    expect(claims.map((c) => [c.cue, c.kind, c.source])).toEqual([
      ['according to', 'person', 'Hanna Berg'],
      ['according to', 'unnamed', 'two officials familiar with the plan'],
      ['as per', 'unnamed', 'customs records'],
    ])
    expect(claims[0]!.statement).toBe('the ceasefire is unlikely to hold')
    expect(claims[0]!.hedging).toBe('hedged')
  })
  it('reads direct quotes, straight or curly, before and after the attribution and across sentences', () => {
    const claims = claimsOf(
      '\u201CWe will not accept this deal. Not now, not ever,\u201D said Nadia Haddad, the union leader.',
      'Haddad told reporters: "The workers have spoken."',
    )
    expect(claims).toHaveLength(2)
    expect(claims[0]).toMatchObject({
      statement: 'We will not accept this deal. Not now, not ever',
      kind: 'person',
      source: 'Nadia Haddad',
      quoteType: 'direct',
    })
    expect(claims[1]).toMatchObject({
      statement: 'The workers have spoken',
      source: 'Nadia Haddad',
      quoteType: 'direct',
    })
  })
  it('resolves pronoun sources to the last fitting named source', () => {
    const claims = claimsOf(
      'Economist Laura Weiss said inflation had peaked.',
      'She emphasized that wages were still lagging behind prices.',
    )
    expect(claims.map((c) => c.source)).toEqual(['Laura Weiss', 'Laura Weiss'])
    expect(claims[1]!.cue).toBe('emphasized')
  })
  it('reads unnamed sources and organizations, and skips negated cues', () => {
    const claims = claimsOf(
      'A source familiar with the negotiations said the draft was nearly complete.',
      'While the ministry has not confirmed the figure, the World Bank noted a sharp fall in exports.',
      'Experts in maritime law highlighted the risk of a legal challenge.',
    )
    expect(claims.map((c) => [c.kind, c.source, c.cue])).toEqual([
      ['unnamed', 'A source familiar with the negotiations', 'said'],
      ['organization', 'World Bank', 'noted'],
      ['unnamed', 'Experts in maritime law', 'highlighted'],
    ])
  })
  it('ends an unnamed source at its own verb, reads groups of people as unnamed sources, and lowercases cues', () => {
    const claims = claimsOf(
      'Though a source familiar with the inquiry was unaware of the letter, it noted the agency had widened its review.',
      'According to the World Bank, exports from the region fell sharply in March.',
      'Firefighters warned that the wind could push the flames toward the valley overnight.',
    )
    expect(claims.map((c) => [c.kind, c.source, c.cue])).toEqual([
      ['unnamed', 'a source familiar with the inquiry', 'noted'],
      ['organization', 'World Bank', 'according to'],
      ['unnamed', 'Firefighters', 'warned'],
    ])
  })
  it('reads an unrecognised multi-word name that speaks on its own as an organization, never a day or month', () => {
    const claims = claimsOf(
      'Late on Monday, Pacific Crest Edison said in a statement that it was reviewing whether its lines started the fire.',
      'Exports rose 4% in March, according to Tuesday.',
    )
    expect(claims.map((c) => [c.kind, c.source, c.cue])).toEqual([
      ['organization', 'Pacific Crest Edison', 'said'],
    ])
  })
  it('attributes quotes to names with accented letters', () => {
    const claims = claimsOf(
      'Linda Castañeda, 72, fled her home before dawn.',
      '"I looked up and the whole hill behind my house was orange," Castañeda told reporters.',
    )
    expect(claims.map((c) => [c.kind, c.source, c.cue, c.quoteType])).toEqual([
      ['person', 'Linda Castañeda', 'told', 'direct'],
    ])
  })
  it('reads "the Kenyan government" and "Spain\'s government" as that country\'s government', () => {
    const claims = claimsOf(
      'The Kenyan government said the ports would stay open.',
      "Spain's government said the rationing would end in May.",
    )
    expect(claims.map((c) => [c.kind, c.source])).toEqual([
      ['organization', 'Government of Kenya'],
      ['organization', 'Government of Spain'],
    ])
  })
  it('marks hedged and speculative content', () => {
    const [c] = claimsOf('Analysts said the central bank could cut rates as soon as June.')
    expect(c).toMatchObject({kind: 'unnamed', hedging: 'speculative'})
  })
  it('takes the named speaker, not the outlet told, when a quote is followed by a name, its apposition and "told"', () => {
    const [c] = claimsOf(
      '“We will not go back to work until the contract is signed,” Grace Wanjiru, the union’s treasurer, told reporters at the gates.',
    )
    expect(c).toMatchObject({
      kind: 'person',
      source: 'Grace Wanjiru',
      quoteType: 'direct',
      cue: 'told',
    })
    expect(c!.statement).toContain('We will not go back to work')
  })
  it('keeps the town and state of an apposition with the speaker, not as the speaker', () => {
    const [c] = claimsOf(
      'One resident, Carla Mendes, a 61-year-old nurse from Fresno, California, said the smoke had kept her indoors for a week.',
    )
    expect(c).toMatchObject({kind: 'person', source: 'Carla Mendes'})
  })
  it('leaves no dangling comma on an unnamed source’s description', () => {
    const [c] = claimsOf(
      'A senior budget official, who was not authorized to speak publicly, said the plan would be delayed.',
    )
    expect(c).toMatchObject({kind: 'unnamed'})
    expect(c!.source).not.toMatch(/[,;:\s]$/)
  })
  it('reads "CONTENT, X said last week, suggesting …" as content before the source', () => {
    const [c] = claimsOf(
      'Several board members favour a faster pace of increases, people familiar with the discussions said last week, suggesting more tightening ahead.',
    )
    expect(c).toMatchObject({
      kind: 'unnamed',
      source: 'people familiar with the discussions',
      statement: 'Several board members favour a faster pace of increases',
    })
  })
  it('resolves "the central bank said" to the one bank the story names', () => {
    const claims = claimsOf(
      'The Reserve Bank of Australia held rates on Tuesday.',
      'Inflation is easing in most sectors of the economy, the central bank said in a statement.',
    )
    expect(claims.at(-1)).toMatchObject({
      kind: 'organization',
      source: 'Reserve Bank of Australia',
      statement: 'Inflation is easing in most sectors of the economy',
    })
  })
  it('reads a claim the headline carries as a claim of its own with no body span, and a cue in headline case', () => {
    const read = (headline: string) => {
      const article = structureArticle(
        cleanArticle(
          normalizeArticleText(
            [
              headline,
              '',
              'Port director Ines Moreira met the union on Monday for a third round of talks on pay.',
              '',
              'The talks will resume on Thursday after a week without progress on pay, a union spokesman said.',
            ].join('\n\n'),
          ),
        ),
      )
      const index = extractEntities(article)
      return {index, claims: extractClaims(article, index)}
    }
    const {index, claims} = read('Port director Ines Moreira says strike will end by Friday')
    const headline = claims.find((c) => c.paragraph === HEADLINE_PARAGRAPH)
    expect(headline).toMatchObject({
      cue: 'says',
      statement: 'strike will end by Friday',
      source: {kind: 'person'},
    })
    // Headline case: the cue is read; who speaks in a capitalised headline is the entity stage's harder problem.
    expect(
      read('Port Director Ines Moreira Says Strike Will End by Friday').claims.find(
        (c) => c.paragraph === HEADLINE_PARAGRAPH,
      ),
    ).toMatchObject({cue: 'says', statement: 'Strike Will End by Friday'})
    expect(index.entities.get(headline!.source.entityKey!)?.name).toBe('Ines Moreira')
    // The body's claims are read as before, with their own spans.
    expect(claims.filter((c) => c.paragraph >= 0).map((c) => c.statement)).toEqual([
      'The talks will resume on Thursday after a week without progress on pay',
    ])
  })
  it('reads reporting verbs from the lexicon, and one that needs a that-clause only with one', () => {
    const claims = claimsOf(
      'Finance Minister Paolo Conti conceded that the budget would not be balanced before the election next spring.',
      'Conti conceded the point after a long exchange with opposition members in the chamber on Tuesday.',
      'Central bank governor Ana Ruiz reaffirmed the bank would keep rates on hold until inflation eased in the summer.',
      'Port director Ines Moreira divulged the terminal had been losing money for three years before the strike began.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      [
        'conceded',
        'Paolo Conti',
        'the budget would not be balanced before the election next spring',
      ],
      [
        'reaffirmed',
        'Ana Ruiz',
        'the bank would keep rates on hold until inflation eased in the summer',
      ],
      [
        'divulged',
        'Ines Moreira',
        'the terminal had been losing money for three years before the strike began',
      ],
    ])
  })
  it('reads "the governor" as the governor the story named last, an AP title abbreviation spelled out', () => {
    const claims = claimsOf(
      'Gov. Maria Lindqvist of the northern province and Gov. Tomas Berg of the south met on Monday to discuss the river dispute.',
      'Teachers did not see Berg at the meeting hall on Tuesday, where hundreds had gathered since the morning.',
      'The governor said he was waiting for a pay commission he appointed in February to make its recommendations.',
    )
    expect(claims.at(-1)).toMatchObject({kind: 'person', source: 'Tomas Berg', cue: 'said'})
  })
  it('reads "the unions" as a plural unnamed source from the source-noun lexicon', () => {
    const [c] = claimsOf(
      'The unions said more than 15,000 people had registered for the rally outside the regional parliament.',
    )
    expect(c).toMatchObject({
      kind: 'unnamed',
      source: 'The unions',
      statement:
        'more than 15,000 people had registered for the rally outside the regional parliament',
    })
    expect(c!.claim.source.plural).toBe(true)
  })
  it('never takes the audience of "told" for the source, and reads a short content before an unnamed source', () => {
    const [a, b] = claimsOf(
      'The ceasefire would hold, a senior source told Wirenews.',
      'The talks will resume on Thursday, a union spokesman said.',
    )
    expect(a).toMatchObject({
      kind: 'unnamed',
      source: 'a senior source',
      cue: 'told',
      statement: 'The ceasefire would hold',
    })
    expect(b).toMatchObject({
      kind: 'unnamed',
      source: 'a union spokesman',
      statement: 'The talks will resume on Thursday',
    })
  })
  it('reads a relative or a lawyer as an unnamed source', () => {
    const [c] = claimsOf(
      'According to her uncle, the girl had been missing for three days before anyone called the police.',
    )
    expect(c).toMatchObject({
      kind: 'unnamed',
      source: 'her uncle',
      cue: 'according to',
      statement: 'the girl had been missing for three days before anyone called the police',
    })
  })
  it('reads a participle of speech after the main clause as its subject speaking, and no bare object', () => {
    const claims = claimsOf(
      'Finance Minister Paolo Conti met the regional leaders in Rome on Monday.',
      'Conti apologized, saying the ministry "meant well" when it drafted the rules.',
      'The union marched on the ministry, alleging abuse.',
      'Conti left the chamber early, telling reporters that the vote would be held again next week.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      ['saying', 'Paolo Conti', 'the ministry "meant well" when it drafted the rules'],
      ['telling', 'Paolo Conti', 'the vote would be held again next week'],
    ])
  })
  it('reads "the government" as the government of the country the story is about', () => {
    const claims = claimsOf(
      "Kenya's port workers began a strike in Mombasa on Monday, halting traffic through the main harbour.",
      'Kenya has seen three port strikes in two years, and Uganda depends on the harbour for its fuel.',
      'The government said the strike was illegal and ordered workers back to their posts by Friday.',
    )
    expect(claims.at(-1)).toMatchObject({
      kind: 'organization',
      source: 'Government of Kenya',
      statement: 'the strike was illegal and ordered workers back to their posts by Friday',
    })
  })
  it('reads "China\'s commerce ministry" and "the French foreign ministry" as those countries\' ministries', () => {
    const claims = claimsOf(
      'China and France both criticised the tariff plan on Tuesday.',
      "China's commerce ministry said the tariffs would hurt both economies.",
      'The French foreign ministry said the plan broke the trade agreement.',
    )
    expect(claims.map((c) => [c.kind, c.source])).toEqual([
      ['organization', 'Ministry of Commerce of China'],
      ['organization', 'Ministry of Foreign Affairs of France'],
    ])
  })
  it('reads "assured <audience>, <aside>, that …" with the that-clause as the content', () => {
    const [c] = claimsOf(
      'The Chinese Center for Disease Control and Prevention assured the public on Weibo, a Twitter-like social media site, that the risk of transmission was extremely low.',
    )
    expect(c).toMatchObject({
      kind: 'organization',
      cue: 'assured',
      statement: 'the risk of transmission was extremely low',
    })
  })
})

describe('one attribution, one claim', () => {
  it('does not make a claim of a quotation that only continues an attributed one, in its paragraph or the next', () => {
    const claims = claimsOf(
      '"We did not lose tonight," Marta Velloso said in Porto Alegre. "We only ran out of time."',
      '"The movement is bigger than one vote."',
    )
    expect(claims.map((c) => [c.statement, c.source])).toEqual([
      ['We did not lose tonight', 'Marta Velloso'],
    ])
  })
})

describe('characterization verbs and verb chains', () => {
  it('reads "described X as Y" as a claim whose statement is the object and its description', () => {
    const claims = claimsOf(
      'Mayor Ilse Brandvold described the budget as "a trap for the next council," though aides disagreed.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      ['described', 'Ilse Brandvold', 'the budget as a trap for the next council'],
    ])
  })
  it('does not read a characterization verb without "as" as a claim', () => {
    expect(
      claimsOf('Mayor Ilse Brandvold slammed the door on her way out of the chamber.'),
    ).toEqual([])
  })
  it('splits "said A and slammed B as C" into two claims of one source', () => {
    const claims = claimsOf(
      'Ilse Brandvold said she had read the report and slammed the review as a "whitewash."',
    )
    expect(claims.map((c) => [c.cue, c.statement])).toEqual([
      ['said', 'she had read the report'],
      ['slammed', 'the review as a whitewash'],
    ])
  })
  it('finds the subject through "tried to" and "sought to" before the cue', () => {
    const claims = claimsOf(
      'Ilse Brandvold has recently tried to suggest that the audit was routine.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      ['suggest', 'Ilse Brandvold', 'the audit was routine'],
    ])
  })
})

describe('inverted, outer and delayed attributions', () => {
  it('reads an inverted source followed by an apposition, and takes the person the apposition names', () => {
    const claims = claimsOf(
      'Rain has not fallen since September, said Rosalind Achterberg, the utility’s chief meteorologist.',
      'The plan was drawn up in haste, said another witness at the hearing, former aide Tobias Wrenfield.',
    )
    expect(claims.map((c) => [c.source, c.statement])).toEqual([
      ['Rosalind Achterberg', 'Rain has not fallen since September'],
      ['Tobias Wrenfield', 'The plan was drawn up in haste'],
    ])
  })
  it('gives a sentence with a trailing attribution to its outer source, inner cue included', () => {
    const claims = claimsOf(
      'Later, Ilse Brandvold said the money had been moved abroad, Tobias Wrenfield testified.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      [
        'testified',
        'Tobias Wrenfield',
        'Later, Ilse Brandvold said the money had been moved abroad',
      ],
    ])
  })
  it('skips a prepositional phrase between the cue and "that"', () => {
    const claims = claimsOf(
      'The Harbour Authority said in an Oct. 26 letter to shipping companies that their response was "unacceptable."',
    )
    expect(claims.map((c) => [c.source, c.statement.startsWith('their response was')])).toEqual([
      ['Harbour Authority', true],
    ])
  })
  it('reads "complained of X and say that Y" as one claim on the that-clause', () => {
    const claims = claimsOf(
      'Shopkeepers and residents also have complained of poor notice and say that the closures were too broad.',
    )
    expect(claims.map((c) => [c.cue, c.kind, c.statement])).toEqual([
      ['say', 'unnamed', 'the closures were too broad'],
    ])
  })
  it('reads "the utility said" as the one utility the story names', () => {
    const claims = claimsOf(
      'Northvale Power cut service to 20,000 homes.',
      'Northvale Power crews were out overnight.',
      'The utility said it would restore power by Friday.',
    )
    expect(claims.map((c) => [c.kind, c.source])).toEqual([['organization', 'Northvale Power']])
  })
})

describe('organizations qualified by a nationality, and second statements', () => {
  it('gives "the <nationality> <acronym>" and a later "it has also <cue>" to the organization, as two claims', () => {
    const claims = claimsOf(
      'The Norwegian Bureau for Harbour Safety opened an inquiry.',
      'And though the Norwegian BHS has said that there is "no need" for crews to worry, it has also acknowledged that two piers are unsafe.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      ['said', 'Norwegian Bureau for Harbour Safety', 'there is "no need" for crews to worry'],
      ['acknowledged', 'Norwegian Bureau for Harbour Safety', 'two piers are unsafe'],
    ])
  })
})

describe('what stands between a source and its cue', () => {
  it('reads past a parenthetical "however" to the named source', () => {
    const claims = claimsOf(
      'Finance Minister Paolo Conti, however, said he was "very pleased" by the vote.',
    )
    expect(claims.map((c) => [c.source, c.statement])).toEqual([
      ['Paolo Conti', 'he was "very pleased" by the vote'],
    ])
  })
  it('does not take a person named inside a relative clause for the source', () => {
    const claims = claimsOf(
      'Paolo Conti won the vote.',
      'Local farmers, who mostly backed Conti in the election, said the new tariff would ruin them.',
    )
    expect(claims.map((c) => [c.kind, c.source])).toEqual([['unnamed', 'Local farmers']])
  })
})

describe('cue words that are nouns or name no statement', () => {
  it('does not read "states" after a modifier, or "maintained a lead", as a cue', () => {
    expect(
      claimsOf(
        'This week, Paolo Conti toured three early-voting states.',
        'Paolo Conti has maintained a steady lead for months.',
      ),
    ).toEqual([])
  })
  it('still reads "maintained that …"', () => {
    expect(
      claimsOf('Paolo Conti maintained that the count was fair.').map((c) => c.statement),
    ).toEqual(['the count was fair'])
  })
})

describe('coreference across sentences and paragraphs', () => {
  it('resolves a pronoun speaker to the person named in the paragraph before', () => {
    const claims = claimsOf(
      'When Paolo Conti walked in, the room turned around.',
      '"Do not mind me!" he told them.',
    )
    expect(claims.map((c) => [c.source, c.statement])).toEqual([['Paolo Conti', 'Do not mind me!']])
  })
  it('resolves a described person ("the real estate agent") to the last person who opened a sentence', () => {
    const claims = claimsOf(
      'Marta Velloso did not know Paolo Conti was coming. The real estate agent said she liked his plan.',
    )
    expect(claims.map((c) => [c.source, c.statement])).toEqual([
      ['Marta Velloso', 'she liked his plan'],
    ])
  })
  it('gives a hyphenated given name its first part’s gender when resolving "he"', () => {
    const claims = claimsOf(
      'Paolo Conti said the bill was fair.',
      'Anna-Lena Marsk, the minister, said the vote would wait.',
      'He has always denied the reports, saying the money was a loan.',
    )
    expect(claims.at(-1)).toMatchObject({source: 'Paolo Conti', statement: 'the money was a loan'})
  })
})

describe('passive cues and clauses after a dash', () => {
  it('does not make the subject of a passive cue its source, but keeps "…, the court was told."', () => {
    const claims = claimsOf(
      'The workers were told the plant would close in May.',
      'The money will be repaid by the end of the year, the court was told.',
    )
    expect(claims.map((c) => [c.kind, c.statement])).toEqual([
      ['unnamed', 'The money will be repaid by the end of the year'],
    ])
  })
  it('finds the subject of a cue after a dash', () => {
    const claims = claimsOf(
      'In 2003 the ministry hid the true extent of the outbreak—and city officials ultimately admitted that the count was ten times higher.',
    )
    expect(claims.map((c) => [c.kind, c.source, c.statement])).toEqual([
      ['unnamed', 'city officials', 'the count was ten times higher'],
    ])
  })
})

describe('participles after a titled name or a description, police, and the writer’s closing clauses', () => {
  it('reads ", arguing that …" after a titled name and after "the union"', () => {
    const claims = claimsOf(
      'The Harbour Workers Union called a strike on Monday.',
      'Board member Tove Ramsland dissented, arguing that the vote should wait for the audit.',
      'The union disputes that, claiming that the draft allows mass layoffs after a year.',
    )
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      ['arguing', 'Tove Ramsland', 'the vote should wait for the audit'],
      ['claiming', 'Harbour Workers Union', 'the draft allows mass layoffs after a year'],
    ])
  })
  it('gives "Police said" to the one police force the story names', () => {
    const claims = claimsOf(
      'The Lakeshore Police opened an inquiry on Friday.',
      'Police said two men had been arrested near the harbour.',
    )
    expect(claims.map((c) => [c.kind, c.source])).toEqual([['organization', 'Lakeshore Police']])
  })
  it('leaves a closing "though …" or appositive clause out of the statement', () => {
    const claims = claimsOf(
      'Officials said the minister would be named before Christmas, a choice investors will watch closely.',
      'It is believed the club will also receive a share of any sale, though that has not been confirmed.',
    )
    expect(claims.map((c) => c.statement)).toEqual([
      'the minister would be named before Christmas',
      'the club will also receive a share of any sale',
    ])
  })
  it('does not join a participle after "according to X" to the statement', () => {
    const claims = claimsOf(
      'Turnout was 85%, according to Votara, reflecting the return of compulsory voting.',
    )
    expect(claims.map((c) => c.statement)).toEqual(['Turnout was 85%'])
  })
})

describe('documents, reporting nouns and inverted partial quotes', () => {
  it('gives a document with no issuer named to the organization the story last named', () => {
    const claims = claimsOf(
      'The Harbour Workers Union sued the port operator in March over the new shift rules.',
      'The complaint alleges that the operator cut pay without notice.',
    )
    expect(claims.map((c) => [c.kind, c.source, c.statement])).toEqual([
      ['organization', 'Harbour Workers Union', 'the operator cut pay without notice'],
    ])
  })
  it('reads a reporting noun with its possessor as the source ("her pledge that …")', () => {
    const claims = claimsOf('Ilse Brandvold repeated her pledge that the plant would stay open.')
    expect(claims.map((c) => [c.cue, c.source, c.statement])).toEqual([
      ['pledge', 'Ilse Brandvold', 'the plant would stay open'],
    ])
  })
  it('reads a partial quote with the attribution after it and a bare day', () => {
    const claims = claimsOf('The ties "go beyond any one leader," aide Marta Velloso said Friday.')
    expect(claims.map((c) => [c.source, c.statement])).toEqual([
      ['Marta Velloso', 'The ties go beyond any one leader'],
    ])
  })
  it('ends a statement where a second source’s clause begins, even without a comma', () => {
    const claims = claimsOf(
      'Paolo Conti said the port would reopen and the army said the roads were closed.',
    )
    expect(claims[0]).toMatchObject({source: 'Paolo Conti', statement: 'the port would reopen'})
  })
})

describe('quotations that run past their sentence', () => {
  it('extends an indirect statement that opens a quotation to where the quotation closes', () => {
    const claims = claimsOf(
      'Paolo Conti said on Tuesday that the rival bloc "will have to accept a deal I like. If they do not, that is it."',
    )
    expect(claims).toHaveLength(1)
    expect(claims[0]!.statement).toBe(
      'the rival bloc will have to accept a deal I like. If they do not, that is it',
    )
  })
  it('reads a quotation over two sentences followed by a short phrase and an inverted attribution', () => {
    const claims = claimsOf(
      '"The minister wants a bigger deal. Bigger than the small one" signed in May, said Tove Ramsland, an analyst at the Harbour Institute.',
    )
    expect(claims.map((c) => [c.source, c.statement])).toEqual([
      ['Tove Ramsland', 'The minister wants a bigger deal. Bigger than the small one'],
    ])
  })
})

describe('headline verbs and compass names before a role', () => {
  it('reads no claim from a headline whose "statement" starts with "as"', async () => {
    const {buildDocuments} = await import('../../import/pipeline.ts')
    const {claims} = buildDocuments(
      [
        'New Vessa sedan revealed as electric four-door coupe',
        '',
        'The carmaker showed the car in Munich on Tuesday, and it will go on sale next spring in most markets.',
      ].join('\n\n'),
      {sourceFile: 'x.txt'},
    )
    expect(claims.map((c) => c.statement)).toEqual([])
  })
})
