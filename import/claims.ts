// Stage 5: attributed statements. Each claim has a source (a person, an organization or an unnamed
// source), a cue (the attribution words) and a content span, following PARC 3.0 / BBC Citron.
import type {Entity, EntityIndex} from './entities.ts'
import {isCalendarWord, isCommonWord, isFirstName, isRoleHead, lexTags} from './lexicon.ts'
import {readLexicon} from './lexicons.ts'
import {splitSentences, type Paragraph, type StructuredArticle} from './structure.ts'

export type QuoteType = 'direct' | 'indirect' | 'mixed'
export type Hedging = 'asserted' | 'hedged' | 'speculative'

export interface ClaimSourceDraft {
  kind: 'person' | 'organization' | 'unnamed'
  /** The entity (person or organization) the source is; a country acting as a source is its government. */
  entityKey?: string
  /** The source as written ("a source familiar with US intelligence", "Ali Vaez", "he"). */
  description: string
  plural?: boolean
  /** An organization or place the source belongs to ("Iranian sources" → Iran). */
  affiliationKey?: string
}

export interface ClaimDraft {
  /** Index of the body paragraph; HEADLINE_PARAGRAPH or DEK_PARAGRAPH for a claim the headline or dek carries. */
  paragraph: number
  /** Content span in the paragraph's text. */
  start: number
  end: number
  statement: string
  cue: string
  quoteType: QuoteType
  source: ClaimSourceDraft
  sentence: string
  hedging: Hedging
  confidence: number
  aboutKeys: string[]
}

/** The reporting lexicon (data/lexicon/reporting-verbs.en.json): speech, belief, finding and knowledge verbs with their forms. */
const REPORTING = readLexicon<{
  nouns: string[]
  verbs: {
    lemma: string
    group: 'speech' | 'belief' | 'finding' | 'knowledge' | 'characterization'
    forms: string[]
    needsThat?: boolean
    audienceFirst?: boolean
    needsAs?: boolean
  }[]
}>('reporting-verbs.en.json')
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Words as one regex alternation, longest first so "pointed out" wins over a shorter prefix. */
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')
const CUE_VERBS = alternation(REPORTING.verbs.flatMap((v) => v.forms))

const CUE_RE = new RegExp(
  `\\b(?:(?:has|have|had|also|later|previously|then|has also|had also|repeatedly|publicly|separately|earlier|further)\\s+)*(${CUE_VERBS})\\b`,
  'g',
)
/** Verbs that report belief or findings, and speech verbs that need "that": a claim only with a that-clause. */
const BELIEF_FORMS = new Set(
  REPORTING.verbs
    .filter((v) => v.group === 'belief' || v.group === 'finding' || v.needsThat)
    .flatMap((v) => v.forms),
)
const BELIEF = {test: (verb: string) => BELIEF_FORMS.has(verb.toLowerCase())}
/** Characterization verbs: a statement only as "<object> as <description>" ("described the plan as a trap"). */
const NEEDS_AS = new Set(REPORTING.verbs.filter((v) => v.needsAs).flatMap((v) => v.forms))
/** Verbs that may open a second statement of the same source inside one content ("… and slammed …"). */
const SECOND_CUES = alternation([
  'adding',
  'saying',
  'noting',
  'warning',
  'arguing',
  'insisting',
  'stressing',
  'said',
  'added',
  'warned',
  'noted',
  'argued',
  'insisted',
  'stressed',
  'cautioned',
  'acknowledged',
  'admitted',
  'conceded',
  ...[...NEEDS_AS].filter((f) => f.endsWith('ed')),
])
/** "his pledge that …", "the minister's warning that …": a reporting noun after a possessor. */
const NOUN_CUE_RE = new RegExp(
  `\\b(?:(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})['’]s|(his|her|their|its))\\s+(?:[a-z-]+\\s+)?(${alternation(REPORTING.nouns)})\\s+that\\s+`,
  'gu',
)
/** "…, adding that B", "… and slammed B": where a second statement of the same source starts. */
const SECOND_CUE_RE = new RegExp(
  `(?:,\\s*(?:(?:and|but|though|although|while)\\s+)?(?:(?:he|she|they|it|we)\\s+)?|\\s+(?:and|but)\\s+(?:(?:he|she|they|it|we)\\s+)?)(?:(?:has|have|had)\\s+)?(?:also\\s+)?(${SECOND_CUES})\\s+(?:that\\s+)?(?=\\S)`,
)
/** Verbs whose that-clause follows their audience ("assured the public that …"). */
const AUDIENCE_FIRST = new Set(
  REPORTING.verbs.filter((v) => v.audienceFirst).flatMap((v) => v.forms),
)

/** Head nouns of unnamed sources and groups (data/lexicon/source-nouns.en.json); plural ones make a plural source. */
const SOURCE_NOUNS = readLexicon<{plural: string[]; singular: string[]; documents: string[]}>(
  'source-nouns.en.json',
)
/** "the complaint", "the new rate chart": a document with no issuer named. */
const DOCUMENT_RE = new RegExp(
  `^the\\s+(?:[\\w"“”-]+\\s+){0,3}?(?:${alternation(SOURCE_NOUNS.documents)})["”]?$`,
  'i',
)
const wordsRe = (words: string[]) => new RegExp(`\\b(?:${alternation(words)})\\b`, 'i')
const UNNAMED_HEAD = wordsRe([...SOURCE_NOUNS.plural, ...SOURCE_NOUNS.singular])
const PLURAL_HEAD = wordsRe(SOURCE_NOUNS.plural)
const PRONOUNS = /^(?:he|she|it|they|we|i)$/i
/** After a quotation: ", Hurtado told supporters", " she said". */
const QUOTE_POST = new RegExp(
  `^\\s*,?\\s*((?:[\\p{L}\\p{N}_.'-]+\\s+){0,6}?[\\p{L}\\p{N}_.'-]+)\\s+(${CUE_VERBS})\\b`,
  'u',
)
/** After a quotation, the cue first: ", said Councilmember Renee Okoro". */
const QUOTE_INVERTED = new RegExp(
  `^\\s*,?\\s*(${CUE_VERBS})\\s+((?:\\p{Lu}[\\p{L}\\p{N}_.'-]*|the|a|an|[a-z]+)(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}_.'-]*|of|the))*(?:\\s+\\p{Lu}[\\p{L}\\p{N}_.'-]*)?)`,
  'u',
)
/** Before a quotation: "X said:" / "X told reporters,". */
const QUOTE_PRE = new RegExp(
  `((?:[\\p{L}\\p{N}_.'-]+[\\s,]+){0,10}?)(${CUE_VERBS})(?:\\s+[^:",]{1,50}?)?\\s*[:,]\\s*$`,
  'u',
)
/** After a quotation: a name, its apposition, then the cue. */
const QUOTE_APPOSITION = new RegExp(
  `^\\s*,?\\s*(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}),\\s+[^,"“”.;]{2,80},\\s+(${CUE_VERBS})\\b`,
  'u',
)
/** A second source's clause inside a content: ", while India's defence ministry accused …". */
const RIVAL_CLAUSE = new RegExp(
  `(?:,\\s*(?:while|whereas|but|and)|;|\\s+(?:while|whereas|but|and)(?=\\s+(?:the|a|an|\\p{Lu})))\\s+(?:[\\w'.-]+\\s+){1,6}?(?:${CUE_VERBS})\\b`,
  'u',
)
/** A short phrase, then an inverted attribution, after a quotation: "" signed in May, said X". */
const GAPPED_ATTRIBUTION = new RegExp(
  `^\\s+[^",.;:“”]{2,40},\\s*(${CUE_VERBS})\\s+(?=\\p{Lu}|the\\s|a\\s|an\\s)`,
  'u',
)
/** ", Morrison testified." / ", he said on Tuesday." closing a sentence. */
const OUTER_ATTRIBUTION = new RegExp(
  `,\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}.'’-]*|he|she|they)\\s+(${CUE_VERBS})(?:\\s+(?:on|in|at|last|this)\\s+[^,"“”]{1,30})?[.!?]?\\s*$`,
  'u',
)
/** "his pledge" → "he": the pronoun a possessive stands for. */
const PRONOUN_OF_POSSESSIVE: Record<string, string> = {
  his: 'he',
  her: 'she',
  its: 'it',
  their: 'they',
}
/** A finite verb or auxiliary: a phrase with one is a clause of its own. */
const FINITE =
  /^(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|said|says)$/i
/** A participle of speech after the main clause: ", saying (that) …", ", telling reporters (that) …". */
const PARTICIPLE_CUE =
  /,\s+(saying|adding|arguing|insisting|noting|warning|claiming|explaining|stressing|acknowledging|conceding|telling\s+(?:[\w'-]+\s+){1,3}?(?=that\b))\s*(?:that\s+)?/i
/** Words that may stand between a cue and its "that": when, where, how and to whom it was said. */
const ADVERBIAL_WORDS = new Set(
  (
    'on in at during last this earlier later a an the his her its their statement interview speech news conference briefing post posts ' +
    'morning night evening afternoon week month year weekend day to reporters journalists him her them us me also previously repeatedly ' +
    'publicly privately separately recently outside court parliament congress social media televised address letter written comments remarks ' +
    'with by phone email video message hearing session meeting note notes clients investors supporters lawmakers officials told jury judge council ' +
    'committee rally crowd audience radio television tv broadcast podcast late early friday saturday sunday monday tuesday wednesday thursday'
  ).split(' '),
)

interface Sentence {
  text: string
  start: number
  end: number
}

/** The draft paragraph index of a claim read off the headline or the dek (no body span to annotate). */
export const HEADLINE_PARAGRAPH = -1
export const DEK_PARAGRAPH = -2

/** Cue verbs in headline case ("Minister Says Talks Are Over") read as the body's ("says"); same length, so offsets hold. */
const HEADLINE_CUE = new RegExp(
  `\\b(?:${CUE_VERBS.split('|')
    .filter((v) => !v.includes(' '))
    .map((v) => v[0]!.toUpperCase() + v.slice(1))
    .join('|')})\\b`,
  'g',
)

/**
 * Claims of the body, then of the headline and the dek, which often carry one ("X says …"). Each is read
 * with its own pronoun history: a headline's "he" has no antecedent, and a body's must not find one there.
 */
export function extractClaims(article: StructuredArticle, index: EntityIndex): ClaimDraft[] {
  const body = extractFrom(
    article.paragraphs,
    index.units.findIndex((u) => u.kind === 'body'),
    index,
    (p) => p,
  )
  const tops: {kind: 'headline' | 'dek'; paragraph: number}[] = [
    {kind: 'headline', paragraph: HEADLINE_PARAGRAPH},
    {kind: 'dek', paragraph: DEK_PARAGRAPH},
  ]
  const top = tops.flatMap(({kind, paragraph}) => {
    const unit = index.units.findIndex((u) => u.kind === kind)
    if (unit < 0) return []
    const text = index.units[unit]!.text
    const sentenceCase = text.replace(HEADLINE_CUE, (w) => w.toLowerCase())
    // A headline's finding ("…, study finds") is a reading of a document, and "warn of losses" names no
    // content: only speech with a statement counts up there.
    return extractFrom(
      [{text: sentenceCase, sentences: splitSentences(sentenceCase)}],
      unit,
      index,
      () => paragraph,
    ).filter(
      (c) => !BELIEF.test(c.cue) && !/^(?:of|about|against|over|on|for|as)\b/i.test(c.statement),
    )
  })
  // A headline that restates a body claim of the same source is still its own claim (the gold counts both).
  return [...body, ...top]
}

/** Claims of consecutive units (the body's paragraphs, or the headline or dek alone), from the index's unit firstBodyUnit on. */
function extractFrom(
  paragraphs: Paragraph[],
  firstBodyUnit: number,
  index: EntityIndex,
  paragraphOf: (p: number) => number,
): ClaimDraft[] {
  const claims: ClaimDraft[] = []
  /** Named sources in order, for pronoun resolution. */
  const history: {
    kind: ClaimSourceDraft['kind']
    entityKey?: string
    description: string
    plural?: boolean
    affiliationKey?: string
    paragraph: number
    at: number
  }[] = []
  let lastQuoteSource: (ClaimSourceDraft & {paragraph: number}) | undefined

  paragraphs.forEach((paragraph, p) => {
    const unit = firstBodyUnit + p
    const text = paragraph.text
    const mentions = index.mentionsByUnit.get(unit) ?? []
    const quotes = quoteSpans(text)
    const covered: [number, number][] = []
    const paragraphClaims: ClaimDraft[] = []
    /** Positions (near) cue words a quotation's attribution already used. */
    const usedCues = new Set<number>()

    /** The mentions of these units (this paragraph's before offset s), nearest first, with their unit. */
    const mentionsBefore = (s: number, units: number[]) =>
      units.flatMap((u) =>
        (index.mentionsByUnit.get(u) ?? [])
          .filter((m) => u < unit || m.mention.end <= s)
          .map((m) => ({...m, unit: u}))
          .reverse(),
      )
    const mentionsIn = (s: number, e: number) =>
      mentions.filter((m) => m.mention.start >= s && m.mention.end <= e)
    const entityOf = (key: string) => index.entities.get(key)

    /** Turns a source phrase (offsets in the paragraph) into a source, or undefined when it is no source. */
    const resolveSource = (s: number, e: number, at: number): ClaimSourceDraft | undefined => {
      let phrase = text.slice(s, e).trim()
      const lead = text.slice(s, e).length - text.slice(s, e).trimStart().length
      s += lead
      e = s + phrase.length
      // Trailing appositive commas and auxiliaries.
      phrase = phrase.replace(/[,\s]+$/, '')
      if (!phrase || phrase.split(/\s+/).length > 22) return undefined
      const within = mentionsIn(s, s + phrase.length)
      if (PRONOUNS.test(phrase)) return resolvePronoun(phrase.toLowerCase(), at, s)
      if (
        /^(?:one|some|two|three|several|many|most|none|both|all|each|neither|either)\s+of\s+(?:them|those|these)$/i.test(
          phrase,
        )
      ) {
        const prev = [...history].reverse().find((h) => h.kind === 'unnamed' && h.plural)
        return {
          kind: 'unnamed',
          description: phrase,
          plural: !/^one\b/i.test(phrase),
          affiliationKey: prev?.affiliationKey,
        }
      }
      // "In a statement, the American Diabetes Association": a leading adverbial is not the source.
      const adverbial = phrase.match(
        /^(?:in|on|at|during|after|before|asked about|speaking)\b[^,]*,\s*/i,
      )
      if (adverbial) {
        phrase = phrase.slice(adverbial[0].length)
        s += adverbial[0].length
      }
      // "Israeli settlers, who form part of Netanyahu's base,": a name inside a relative clause is not the speaker.
      const relative = phrase.search(/,\s+(?:who|which|whose)\b/)
      const personEnd = relative > 0 ? s + relative : e
      const person = within.find(
        (m) =>
          entityOf(m.key)?.type === 'person' && m.mention.start >= s && m.mention.end <= personEnd,
      )
      const headNoun = phrase
        .replace(
          /\s+(?:familiar with|close to|briefed on|in|at|from|with|of|for|on|who|which|that|inside|within|across)\b.*$/i,
          '',
        )
        .replace(/,.*$/, '')
      const firstMention = within.find((m) => m.mention.start >= s)
      const startsWithMention =
        firstMention && /^(?:the\s+|a\s+|an\s+)?$/i.test(text.slice(s, firstMention.mention.start))
      // "a Corvia spokesperson": an organization's spokesperson speaks for it.
      const spokes =
        firstMention &&
        entityOf(firstMention.key)?.type === 'organization' &&
        /^(?:an?|the)\s+\S+(?:\s+\S+){0,3}?\s+(?:spokes(?:man|woman|person)|representative|press office)$/i.test(
          headNoun,
        )
      if (spokes) return {kind: 'organization', entityKey: firstMention.key, description: phrase}
      // "A spokesperson for the European Commission": the organization speaks.
      const spokesFor =
        /^(?:an?|the)\s+(?:[a-z-]+\s+)?(?:spokes(?:man|woman|person)|representative|press officer)\s+(?:for|of|at)\s+/i.exec(
          phrase,
        )
      const forOrg =
        spokesFor &&
        within.find(
          (m) =>
            m.mention.start ===
              s +
                spokesFor[0].length +
                (/^the\s/i.test(phrase.slice(spokesFor[0].length)) ? 4 : 0) &&
            entityOf(m.key)?.type === 'organization',
        )
      if (forOrg) return {kind: 'organization', entityKey: forOrg.key, description: phrase}
      // "Benfica president Nuno Valente", "Bank of America analyst Jonah Feld": the name that ends the phrase.
      if (
        person &&
        ((person.mention.end <= s + headNoun.length &&
          text.slice(person.mention.end, s + headNoun.length).trim() === '') ||
          text.slice(person.mention.end, s + phrase.length).replace(/[,\s]+/g, '') === '')
      )
        return {kind: 'person', entityKey: person.key, description: phrase}
      // "A 2019 Stanford University study": an organization's study, report or data speaks for it.
      if (
        firstMention &&
        entityOf(firstMention.key)?.type === 'organization' &&
        /^(?:an?|the)?\s*(?:new\s+|recent\s+|\d{4}\s+)?$/i.test(
          text.slice(s, firstMention.mention.start),
        ) &&
        /^\s+(?:study|report|survey|analysis|poll|statement|data|figures|filings?|research|review|audit|spokes(?:man|woman|person))\b/i.test(
          text.slice(firstMention.mention.end, s + phrase.length),
        )
      )
        return {kind: 'organization', entityKey: firstMention.key, description: phrase}
      if (startsWithMention && entityOf(firstMention.key)?.type === 'organization')
        return {kind: 'organization', entityKey: firstMention.key, description: phrase}
      // A person named in the phrase is the source ("One investor, retired teacher Margaret Ashby, said"),
      // unless the phrase is an unnamed source the person only qualifies ("Officials in Hurtado's transition team").
      if (person) {
        const qualifies =
          UNNAMED_HEAD.test(headNoun) &&
          !/,/.test(phrase) &&
          person.mention.start > s + headNoun.length
        if (!qualifies) return {kind: 'person', entityKey: person.key, description: phrase}
        return unnamed(phrase, s, within)
      }
      // "the judge", "the minister": the one person in the story with that role.
      const roleNoun = phrase.match(/^the\s+([a-z]+)$/i)?.[1]?.toLowerCase()
      if (roleNoun && !UNNAMED_HEAD.test(roleNoun)) {
        const holders = [...index.entities.values()].filter(
          (e) => e.type === 'person' && e.roles.some((r) => roleWords(r.title).includes(roleNoun)),
        )
        if (holders.length === 1)
          return {kind: 'person', entityKey: holders[0]!.key, description: phrase}
        // Two governors in the story: the one named last before this sentence is "the governor".
        const lastBefore = (e: Entity) =>
          Math.max(
            -1,
            ...e.mentions
              .filter((m) => m.unit < unit || (m.unit === unit && m.start < s))
              .map((m) => m.unit * 1e6 + m.start),
          )
        const ranked = holders.map((e) => ({e, at: lastBefore(e)})).sort((a, b) => b.at - a.at)
        if (ranked.length > 1 && ranked[0]!.at >= 0 && ranked[0]!.at > ranked[1]!.at)
          return {kind: 'person', entityKey: ranked[0]!.e.key, description: phrase}
      }
      // "The real estate agent said", "the 45-year-old teacher said": a described person is the one the
      // story has just named (in this paragraph or the one before), when no one holds that role by title.
      const describedPerson = phrase.match(/^the\s+((?:[\w-]+\s+){1,3})([a-z]+)$/i)
      if (
        describedPerson &&
        !within.length &&
        isRoleHead(describedPerson[2]!) &&
        !UNNAMED_HEAD.test(describedPerson[2]!)
      ) {
        // The last person who was a sentence's subject (opened it), not one named in passing.
        const last = mentionsBefore(s, [unit, unit - 1]).find(
          (m) =>
            index.units[m.unit]?.sentenceStarts.has(m.mention.start) &&
            entityOf(m.key)?.type === 'person',
        )
        if (last) return {kind: 'person', entityKey: last.key, description: phrase}
      }
      // "the Kenyan government", "Spain's government": that country's government speaks; "China's commerce
      // ministry", "the French foreign ministry": that country's ministry of that portfolio.
      const country = firstMention && entityOf(firstMention.key)
      const ofCountry =
        country?.type === 'place' &&
        country.place?.kind === 'country' &&
        firstMention!.mention.start <= s + 4
      if (
        ofCountry &&
        /^(?:the\s+)?\S+?(?:'s)?\s+(?:government|administration|cabinet)$/i.test(phrase)
      ) {
        return {
          kind: 'organization',
          entityKey: index.add(governmentOf(country)).key,
          description: phrase,
        }
      }
      const portfolio = phrase
        .match(/^(?:the\s+)?\S+?(?:'s)?\s+([a-z]+)\s+ministry$/i)?.[1]
        ?.toLowerCase()
      if (ofCountry && portfolio && PORTFOLIOS[portfolio]) {
        const name = `Ministry of ${PORTFOLIOS[portfolio]} of ${country.name}`
        const aliases = new Set([phrase.replace(/^the\s+/i, ''), `${portfolio} ministry`])
        const org = index.add({
          key: `organization:${name.toLowerCase()}`,
          type: 'organization',
          name,
          aliases,
          mentions: [],
          roles: [],
          orgKind: 'government',
          countryKey: country.key,
        })
        return {kind: 'organization', entityKey: org.key, description: phrase}
      }
      // "the government said": the government of the story's country (the one it names most), unless the
      // story names a government of its own to match (definiteOrganization below finds that one).
      if (/^the\s+(?:government|cabinet)$/i.test(phrase) && !definiteOrganization(headNoun)) {
        const country = storyCountry()
        if (country)
          return {
            kind: 'organization',
            entityKey: index.add(governmentOf(country)).key,
            description: phrase,
          }
      }
      // "The complaint alleges", "according to the new rate chart": the organization the story last named
      // (here or in the two paragraphs before) issued it.
      if (!within.length && DOCUMENT_RE.test(phrase)) {
        const issuer = mentionsBefore(s, [unit, unit - 1, unit - 2]).find(
          (m) => entityOf(m.key)?.type === 'organization' && entityOf(m.key)?.orgKind !== 'media',
        )
        if (issuer) return {kind: 'organization', entityKey: issuer.key, description: phrase}
      }
      // "Police said", "the police have acknowledged": the police force the story names, when it names one.
      if (/^(?:the\s+)?police$/i.test(phrase)) {
        const forces = [...index.entities.values()].filter(
          (x) => x.type === 'organization' && /\bPolice\b/.test(x.name),
        )
        if (forces.length === 1)
          return {kind: 'organization', entityKey: forces[0]!.key, description: phrase}
      }
      if (
        UNNAMED_HEAD.test(headNoun) ||
        /^(?:a|an|one|two|three|several|some|many|other|another)\b/i.test(phrase)
      ) {
        // "the presidential palace", "the council": a definite description of an organization in the story.
        const org = definiteOrganization(headNoun)
        if (org) return {kind: 'organization', entityKey: org.key, description: phrase}
        if (!UNNAMED_HEAD.test(headNoun)) return undefined
        return unnamed(phrase, s, within)
      }
      // "the central bank", "the utility": a definite description whose head noun names one organization in the story.
      const described =
        !within.length && /^the\s/i.test(headNoun) ? definiteOrganization(headNoun) : undefined
      if (described) return {kind: 'organization', entityKey: described.key, description: phrase}
      const org = within.find((m) => entityOf(m.key)?.type === 'organization')
      if (org && firstMention === org)
        return {kind: 'organization', entityKey: org.key, description: phrase}
      // "the Chinese CDC": a nationality before an organization's name qualifies it.
      if (
        org &&
        firstMention &&
        entityOf(firstMention.key)?.type === 'place' &&
        /^(?:the\s+)?\S+\s*$/i.test(text.slice(s, org.mention.start))
      )
        return {kind: 'organization', entityKey: org.key, description: phrase}
      const place = within.find((m) => entityOf(m.key)?.type === 'place')
      if (
        place &&
        firstMention === place &&
        /^(?:the\s+)?\p{Lu}[\p{L}\p{N}_.'-]*(?:\s+\p{Lu}[\p{L}\p{N}_.'-]*)*$/u.test(phrase)
      ) {
        // A country (or its capital) speaking: its government.
        return {
          kind: 'organization',
          entityKey: index.add(governmentOf(entityOf(place.key)!)).key,
          description: phrase,
        }
      }
      if (org) return {kind: 'organization', entityKey: org.key, description: phrase}
      return undefined
    }

    /** The country the story is about: the one it mentions most, the first named of equals. */
    const storyCountry = (): Entity | undefined => {
      const countries = [...index.entities.values()].filter(
        (e) => e.type === 'place' && e.place?.kind === 'country' && e.mentions.length,
      )
      countries.sort(
        (a, b) =>
          b.mentions.length - a.mentions.length ||
          a.mentions[0]!.unit - b.mentions[0]!.unit ||
          a.mentions[0]!.start - b.mentions[0]!.start,
      )
      return countries[0]
    }

    /** "According to Ofwat": a proper name nobody else claimed is an organization (a person would have a given name). */
    const namedOrganization = (s: number, e: number): ClaimSourceDraft | undefined => {
      const raw = text.slice(s, e)
      const m = raw.match(
        /^\s*(?:the\s+)?(\p{Lu}[\p{L}\p{N}_&.'-]*(?:\s+\p{Lu}[\p{L}\p{N}_&.'-]*){0,4})\s*$/u,
      )
      if (!m || /^(?:He|She|It|They|We|I)$/.test(m[1]!)) return undefined
      // "according to data released on Tuesday": days, months and common words name no organization.
      if (m[1]!.split(/\s+/).every((w) => isCalendarWord(w) || isCommonWord(w))) return undefined
      const name = m[1]!.replace(/'s$/, '')
      const start = s + raw.indexOf(m[1]!)
      const org = index.add({
        key: `organization:${name.toLowerCase()}`,
        type: 'organization',
        name,
        aliases: new Set([name]),
        mentions: [],
        roles: [],
        orgKind: 'other',
      })
      const mention = {unit, start, end: start + name.length, text: name}
      org.mentions.push(mention)
      const list = index.mentionsByUnit.get(unit) ?? []
      if (!list.some((x) => x.mention.start < mention.end && mention.start < x.mention.end)) {
        list.push({mention, key: org.key})
        list.sort((a, b) => a.mention.start - b.mention.start)
        index.mentionsByUnit.set(unit, list)
      }
      return {kind: 'organization', entityKey: org.key, description: raw.trim()}
    }

    /**
     * "Southern California Edison said": a capitalized name of two or more words that no stage
     * recognised, speaking on its own, is an organization (a person would have a given name, a place
     * does not issue statements).
     */
    const speakingName = (s: number, e: number): ClaimSourceDraft | undefined => {
      const words = text
        .slice(s, e)
        .trim()
        .replace(/^the\s+/i, '')
        .split(/\s+/)
      if (
        words.length < 2 ||
        words.length > 5 ||
        !words.every((w) => /^\p{Lu}[\p{L}\p{N}_&.'-]*$/u.test(w))
      )
        return undefined
      if (isFirstName(words[0]!) || isRoleHead(words.at(-1)!) || mentionsIn(s, e).length)
        return undefined
      return namedOrganization(s, e)
    }

    const unnamed = (phrase: string, s: number, within: typeof mentions): ClaimSourceDraft => {
      // "a source familiar with US intelligence was unaware …": the description ends where its clause's verb begins.
      // "A senior administration official, who …" keeps no dangling comma.
      phrase = phrase.replace(VERB_TAIL, '').replace(/[\s,;:]+$/, '')
      within = within.filter((m) => m.mention.end <= s + phrase.length)
      const aff = within.find((m) =>
        ['organization', 'place'].includes(entityOf(m.key)?.type ?? ''),
      )
      return {
        kind: 'unnamed',
        description: phrase,
        plural: PLURAL_HEAD.test(
          phrase.replace(/\s+(?:familiar with|close to|in|at|from|with|of|for)\b.*$/i, ''),
        ),
        affiliationKey: aff?.key,
      }
    }

    const definiteOrganization = (phrase: string): Entity | undefined => {
      const m = phrase.match(/^the\s+(?:[a-z-]+\s+)?([a-z]+)$/i)
      if (!m) return undefined
      const head = m[1]!.toLowerCase()
      const orgs = [...index.entities.values()].filter(
        (e) => e.type === 'organization' && e.name.toLowerCase().split(/\s+/).includes(head),
      )
      if (orgs.length === 1) return orgs[0]
      // "the company", "the club", "the firm": the organization the story is about (the most mentioned one).
      if (
        /^(?:company|firm|group|club|bank|carrier|airline|insurer|lender|retailer|startup|manufacturer|maker|business|team|side|regulator|charity|organi[sz]ation|union|party|utility|operator|agency|network|broadcaster|hospital|school|university)$/.test(
          head,
        )
      ) {
        const ranked = [...index.entities.values()]
          .filter(
            (e) =>
              e.type === 'organization' &&
              e.orgKind !== 'government' &&
              e.orgKind !== 'media' &&
              e.mentions.length,
          )
          .sort((a, b) => b.mentions.length - a.mentions.length)
        if (
          ranked[0] &&
          ranked[0].mentions.length >= 2 &&
          (!ranked[1] || ranked[0].mentions.length > ranked[1].mentions.length)
        )
          return ranked[0]
      }
      return undefined
    }

    const resolvePronoun = (
      pronoun: string,
      at: number,
      s: number,
    ): ClaimSourceDraft | undefined => {
      if (pronoun === 'i' || pronoun === 'we')
        return lastQuoteSource && lastQuoteSource.paragraph >= p - 1
          ? strip(lastQuoteSource)
          : undefined
      if (pronoun === 'he' || pronoun === 'she') {
        const want = pronoun === 'he' ? 'male' : 'female'
        // The last named person source that fits; then the last person mentioned.
        for (let i = history.length - 1; i >= 0; i--) {
          const h = history[i]!
          if (h.kind !== 'person' || !h.entityKey) continue
          const gender = genderOf(entityOf(h.entityKey))
          if (gender === want || gender === undefined)
            return {
              kind: 'person',
              entityKey: h.entityKey,
              description: pronoun === 'he' ? 'He' : 'She',
            }
        }
        const fits = (key: string) =>
          entityOf(key)?.type === 'person' && (genderOf(entityOf(key)) ?? want) === want
        const earlier = [...mentions]
          .reverse()
          .find((m) => m.mention.end <= s && entityOf(m.key)?.type === 'person')
        if (earlier) return {kind: 'person', entityKey: earlier.key, description: pronoun}
        // "When Patrick walked in …" / ""Don't mind me!" he told them.": the person last named in the two paragraphs before.
        const named = mentionsBefore(
          s,
          [unit - 1, unit - 2].filter((u) => u >= firstBodyUnit),
        ).find((m) => fits(m.key))
        return named ? {kind: 'person', entityKey: named.key, description: pronoun} : undefined
      }
      // "it" / "they": the nearest organization or unnamed source before it in this sentence, then earlier sources.
      const sentenceStart = paragraph.sentences.find((x) => x.start <= s && x.end >= s)?.start ?? 0
      const beforeText = text.slice(sentenceStart, s)
      const np = beforeText.match(
        /\b((?:a|an|one|the|some|several|two|three)\s+(?:[\w-]+\s+){0,3}?(?:source|official|spokes\w+|expert|analyst|diplomat|person|insider|sources|officials|experts|analysts|diplomats|people)\b(?:\s+(?:familiar with|close to|briefed on|in|at|from|with)\s+(?:[\w'-]+\s*){1,4})?)/i,
      )
      if (np && (pronoun === 'it' || PLURAL_HEAD.test(np[1]!))) {
        const npStart = sentenceStart + np.index!
        return unnamed(np[1]!.trim(), npStart, mentionsIn(npStart, npStart + np[1]!.length))
      }
      const orgBefore = [...mentions]
        .reverse()
        .find(
          (m) =>
            m.mention.end <= s &&
            m.mention.start >= sentenceStart &&
            entityOf(m.key)?.type === 'organization',
        )
      if (orgBefore) return {kind: 'organization', entityKey: orgBefore.key, description: pronoun}
      for (let i = history.length - 1; i >= 0; i--) {
        const h = history[i]!
        if (h.kind === 'person') continue
        if (pronoun === 'they' && !h.plural && h.kind === 'unnamed') continue
        return {
          kind: h.kind,
          entityKey: h.entityKey,
          description: h.description,
          plural: h.plural,
          affiliationKey: h.affiliationKey,
        }
      }
      return undefined
    }

    const add = (
      sentence: Sentence,
      cs: number,
      ce: number,
      cue: string,
      source: ClaimSourceDraft,
      quoteType: QuoteType,
      confidence: number,
    ) => {
      // Trim the content: quotes, "that", spaces and final punctuation.
      let s = cs
      let e = ce
      const trimStart = () => {
        let changed = true
        while (changed) {
          changed = false
          const m = text.slice(s, e).match(/^(?:\s+|["',:;—–-]\s*|that\s+)/)
          if (m && m[0].length) {
            s += m[0].length
            changed = true
          }
        }
      }
      trimStart()
      // A dateline ("BEIJING —", "SANTIAGO, Dec 16 (Reuters) -") opens the paragraph, not the statement.
      if (s < 3) {
        const dateline = text
          .slice(s, e)
          .match(
            /^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*(?:\([^)]{1,40}\))?\s*[—–-]+\s*/,
          )
        if (dateline) s += dateline[0].length
      }
      while (e > s && /[\s"',.;:—–-]/.test(text[e - 1]!)) e--
      // "… and said (that) B" / "…, adding that B": a second claim from the same source.
      const second = text.slice(s, e).match(SECOND_CUE_RE)
      if (
        second &&
        second.index! > 6 &&
        text.slice(s + second.index! + second[0].length, e).split(/\s+/).length >= 3
      ) {
        const cut = s + second.index!
        // "confirmed the agreement in a statement, saying …": a bare object is no claim, what follows is.
        const firstHasVerb =
          /\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|\w{3,}ed|\w{3,}s)\b/.test(
            text.slice(s, cut).split(/\s+/).slice(1).join(' '),
          )
        if (firstHasVerb || quoteType !== 'indirect' || /"/.test(text.slice(s, cut)))
          add(sentence, cs, cut, cue, source, quoteType, confidence)
        add(sentence, cut + second[0].length, ce, second[1]!, source, quoteType, confidence)
        return
      }
      // "…, though that has not been confirmed", "…, a choice investors
      // will watch": a closing non-restrictive clause is the writer's, not the source's.
      if (quoteType === 'indirect') {
        const tail = text.slice(s, e).match(/,\s+(?:though|although|even though|a|an)\s[^,"“”]+$/)
        if (
          tail &&
          tail[0].split(/\s+/).length >= 4 &&
          text.slice(s, s + tail.index!).split(/\s+/).length >= 4
        )
          e = s + tail.index!
      }
      if (e - s < 8 || text.slice(s, e).split(/\s+/).length < 2) return
      if (
        paragraphClaims.some(
          (c) =>
            c.start < e && s < c.end && Math.min(c.end, e) - Math.max(c.start, s) > 0.6 * (e - s),
        )
      )
        return
      // Quote marks inside indirect content make it mixed.
      let statementText = text.slice(s, e)
      // An unbalanced quotation mark (the span starts or ends inside a quote) is dropped.
      if ((statementText.match(/"/g)?.length ?? 0) % 2 === 1)
        statementText = statementText.replace(/"/g, '')
      const qt: QuoteType =
        quoteType === 'indirect' && /"/.test(statementText) ? 'mixed' : quoteType
      const hedging = hedgingOf(statementText, cue)
      const aboutKeys = [...new Set(mentionsIn(s, e).map((m) => m.key))].filter(
        (k) => k !== source.entityKey,
      )
      const draft: ClaimDraft = {
        paragraph: paragraphOf(p),
        start: s,
        end: e,
        statement: statementText.replace(/"/g, qt === 'mixed' ? '"' : '').trim(),
        // Cues are the attribution words, not the sentence's capitals: "According to" → "according to".
        cue: cue
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/^[A-Z][a-z]+\b/, (word) => word.toLowerCase()),
        quoteType: qt,
        source,
        sentence: sentence.text,
        hedging,
        confidence:
          Math.round((source.kind === 'unnamed' ? confidence - 0.1 : confidence) * 100) / 100,
        aboutKeys,
      }
      claims.push(draft)
      paragraphClaims.push(draft)
      covered.push([s, e])
      if (source.kind !== 'unnamed' || source.description) {
        history.push({...source, paragraph: p, at: s})
        if (qt !== 'indirect') lastQuoteSource = {...source, paragraph: p}
      }
    }

    // Direct quotations, attributed before or after.
    const handleQuote = (q: {start: number; end: number}) => {
      const sentence = sentenceAt(paragraph.sentences, q.start) ?? {
        text,
        start: 0,
        end: text.length,
      }
      const endSentence = sentenceAt(paragraph.sentences, q.end - 1) ?? sentence
      const fullSentence = {
        text: text.slice(sentence.start, endSentence.end),
        start: sentence.start,
        end: endSentence.end,
      }
      // ', Hurtado told supporters' / ', said Councilmember Renee Okoro, who …' / ' she said.'
      const postText = text.slice(q.end, q.end + 200)
      const post = postText.match(QUOTE_POST)
      const inverted = postText.match(QUOTE_INVERTED)
      const pre = text.slice(sentence.start, q.start).match(QUOTE_PRE)
      const isFragment =
        /[\w,]\s*$/.test(text.slice(sentence.start, q.start)) &&
        !pre &&
        !/[:,]\s*$/.test(text.slice(sentence.start, q.start))
      const qSentence = fullSentence // a quotation may run over several sentences
      if (q.end - q.start < 12) return
      if (post && !isFragment) {
        const srcStart = q.end + postText.indexOf(post[1]!)
        const src = resolveSource(srcStart, srcStart + post[1]!.length, q.start)
        if (src) {
          add(qSentence, q.start, q.end, post[2]!, src, 'direct', src.kind === 'person' ? 0.9 : 0.8)
          usedCues.add(srcStart + post[1]!.length)
          return
        }
      }
      // ', Simon Ochieng, the union's secretary-general, told Al Jazeera': a name, its apposition, then the cue.
      const appos = post ? null : postText.match(QUOTE_APPOSITION)
      if (appos && !isFragment) {
        const srcStart = q.end + postText.indexOf(appos[1]!)
        const src = resolveSource(srcStart, srcStart + appos[1]!.length, q.start)
        if (src && src.kind === 'person') {
          add(qSentence, q.start, q.end, appos[2]!, src, 'direct', 0.9)
          usedCues.add(q.end + appos[0].length - appos[2]!.length)
          return
        }
      }
      /** The quotation is a claim of the source at [srcStart, srcEnd), cued at cuePos; false when it names none. */
      const attribute = (
        srcStart: number,
        srcEnd: number,
        cue: string,
        cuePos: number,
        confidence: number,
      ) => {
        const src = resolveSource(srcStart, srcEnd, q.start)
        if (!src) return false
        add(
          qSentence,
          q.start,
          q.end,
          cue,
          src,
          'direct',
          src.kind === 'person' ? confidence : confidence - 0.1,
        )
        usedCues.add(cuePos)
        return true
      }
      if (inverted && !isFragment) {
        const srcStart =
          q.end +
          postText.indexOf(inverted[2]!, postText.indexOf(inverted[1]!) + inverted[1]!.length)
        if (
          attribute(
            srcStart,
            sourceEnd(text, srcStart, srcStart + inverted[2]!.length),
            inverted[1]!,
            q.end + postText.indexOf(inverted[1]!),
            0.9,
          )
        )
          return
      }
      // ""… the little deal" announced in October, said Derek Scissors, a China scholar": a short phrase
      // of the writer's between the quotation and its inverted attribution.
      const gapped = postText.match(GAPPED_ATTRIBUTION)
      if (gapped && !isFragment) {
        const srcStart = q.end + gapped[0].length
        if (
          attribute(
            srcStart,
            sourceEnd(text, srcStart, endSentence.end),
            gapped[1]!,
            srcStart - gapped[1]!.length - 1,
            0.85,
          )
        )
          return
      }
      if (pre) {
        const cueStart = sentence.start + pre.index! + pre[1]!.length
        const subject = subjectBefore(text, sentence.start, cueStart)
        if (subject) {
          const src = resolveSource(subject[0], subject[1], q.start)
          if (src) {
            add(
              qSentence,
              q.start,
              q.end,
              pre[2]!,
              src,
              'direct',
              src.kind === 'person' ? 0.9 : 0.8,
            )
            usedCues.add(cueStart)
            return
          }
        }
      }
      // A quotation with no attribution of its own (the next sentence or paragraph of one already
      // attributed) continues that claim: one attribution, one claim.
    }

    /**
     * "Conti apologised, saying the ministry "meant well"", "…, telling reporters that …": a participle
     * after the main clause reports what the main clause's subject said. The subject is a name (or a
     * pronoun) that opens the sentence; a bare object ("alleging abuse") is no statement.
     */
    const participialClaim = (sentence: Sentence) => {
      const m = PARTICIPLE_CUE.exec(sentence.text)
      if (!m) return
      const at = sentence.start + m.index
      if (quotes.some((q) => at > q.start && at < q.end)) return
      const opening = text
        .slice(sentence.start, at)
        .match(/^(?:(?:on|in|at|after|before|during|later|earlier)\b[^,]{0,40},\s*)?/i)![0]
      const subjectStart = sentence.start + opening.length
      // The subject opens the sentence: a name, perhaps after its title ("Board member Hiroshi Okamura"),
      // a pronoun, or a definite description of an organization in the story ("The union").
      const first = mentions.find(
        (x) =>
          x.mention.start >= subjectStart &&
          /^(?:[\p{L}-]+\s+){0,6}$/u.test(text.slice(subjectStart, x.mention.start)) &&
          !/[,.]/.test(text.slice(subjectStart, x.mention.start)) &&
          ['person', 'organization'].includes(entityOf(x.key)?.type ?? ''),
      )
      const pronoun = text.slice(subjectStart).match(/^(?:he|she|they|it|we)\b/i)?.[0]
      const description = text
        .slice(subjectStart, at)
        .match(/^the\s+(?:[a-z-]+\s+)??[a-z]+(?=\s+[a-z]+(?:s|ed)\b)/i)?.[0]
      const src = first
        ? resolveSource(subjectStart, first.mention.end, at)
        : pronoun
          ? resolveSource(subjectStart, subjectStart + pronoun.length, at)
          : description
            ? resolveSource(subjectStart, subjectStart + description.length, at)
            : undefined
      if (!src) return
      const cs = at + m[0].length
      if (text.slice(cs, sentence.end).trim().split(/\s+/).length < 3) return
      add(
        sentence,
        cs,
        sentence.end,
        m[1]!.split(/\s+/)[0]!,
        src,
        /"/.test(text.slice(cs, sentence.end)) ? 'mixed' : 'indirect',
        0.7,
      )
    }

    // Sentence by sentence, in text order, so a pronoun finds the sources named before it.
    for (const sentence of paragraph.sentences) {
      const claimsBefore = claims.length
      for (const q of quotes)
        if (q.start >= sentence.start && q.start < sentence.end) handleQuote(q)
      const st = sentence.text
      const base = sentence.start
      const inQuote = (i: number) => quotes.some((q) => i > q.start && i < q.end)

      // "according to X, …" / "…, according to X." / "as per X" / "as indicated by X"
      const acc =
        /\b(according to|as per|per|as indicated by|as reported by|as stated by|as noted by|as confirmed by|as cited by|citing)\s+/gi
      let am: RegExpExecArray | null
      let handled = false
      while ((am = acc.exec(st))) {
        if (inQuote(base + am.index)) continue
        if (
          am[1]!.toLowerCase() === 'per' &&
          !/^[A-Z]|^(?:a|the|one|two|several)\s/.test(st.slice(am.index + am[0].length))
        )
          continue
        const srcStart = base + am.index + am[0].length
        const srcEnd = sourceEnd(text, srcStart, sentence.end)
        const src =
          resolveSource(srcStart, srcEnd, base + am.index) ?? namedOrganization(srcStart, srcEnd)
        if (!src) continue
        const before = text.slice(base, base + am.index)
        const atStart = !/\S/.test(before.replace(/^[\s,]*(?:and|but|however|yet)?[\s,]*$/i, ''))
        if (atStart || before.trim().length < 3) {
          // According to X, CONTENT.
          const rest = text.slice(srcEnd, sentence.end)
          const cs = srcEnd + (rest.match(/^[\s,]*/)?.[0].length ?? 0)
          add(sentence, cs, sentence.end, am[1]!, src, 'indirect', 0.85)
        } else {
          // CONTENT, according to X(, CONTENT).
          const tail = text.slice(srcEnd, sentence.end).replace(/^[\s,]*/, '')
          const cs = base
          if (tail.split(/\s+/).length > 3 && /^[a-z]/.test(tail) && !/^\w+ing\b/.test(tail)) {
            // "Iran's strikes, as per US sources, would be …": the content is both halves.
            const end = sentence.end
            add(sentence, cs, end, am[1]!, src, 'indirect', 0.85)
            const last = claims.at(-1)
            if (last && last.paragraph === paragraphOf(p) && last.start === cs) {
              const before2 = text.slice(cs, base + am.index).replace(/[\s,]+$/, '')
              last.statement = `${before2} ${tail}`.replace(/[.\s]+$/, '').replace(/"/g, '')
            }
          } else {
            // "Although X, CONTENT, as indicated by Y": the concessive clause is not what the source said.
            const concessive = text
              .slice(cs, base + am.index)
              .match(/^(?:although|though|even though|while|whereas|despite|as)\b[^,]{3,200},\s*/i)
            add(
              sentence,
              cs +
                (concessive && concessive[0].length < base + am.index - cs - 20
                  ? concessive[0].length
                  : 0),
              base + am.index,
              am[1]!,
              src,
              'indirect',
              0.85,
            )
          }
        }
        handled = true
        break
      }
      if (handled) continue

      // "It is understood (that) …": an unnamed source.
      const passive = st.match(
        /^It\s+is\s+(understood|believed|thought|reported|expected|said|claimed|alleged)\s+(?:that\s+)?/,
      )
      if (passive && !covered.some(([a, b]) => base >= a && base < b)) {
        add(
          sentence,
          base + passive[0].length,
          sentence.end,
          `it is ${passive[1]}`,
          {kind: 'unnamed', description: 'unnamed sources', plural: true},
          'indirect',
          0.7,
        )
        continue
      }

      // "Afterward, A said B, Morrison testified.": a trailing attribution is the outer one; its source
      // reported the whole clause before it, the inner cue included.
      const outer = st.match(OUTER_ATTRIBUTION)
      if (outer && !inQuote(base + outer.index!)) {
        const content = st.slice(0, outer.index!)
        CUE_RE.lastIndex = 0
        const subjectStart = base + outer.index! + outer[0].indexOf(outer[1]!)
        const src =
          CUE_RE.test(content) && content.length > 20
            ? resolveSource(subjectStart, subjectStart + outer[1]!.length, subjectStart)
            : undefined
        if (src) {
          add(
            sentence,
            base,
            base + outer.index!,
            outer[2]!,
            src,
            /"/.test(content) ? 'mixed' : 'indirect',
            0.8,
          )
          continue
        }
      }

      // "her pledge that …", "Conti's warning that …": a reporting noun with its possessor as the source.
      NOUN_CUE_RE.lastIndex = 0
      const noun = NOUN_CUE_RE.exec(st)
      if (noun && !inQuote(base + noun.index)) {
        const at = base + noun.index
        const src = noun[1]
          ? resolveSource(at, at + noun[1].length, at)
          : resolvePronoun(PRONOUN_OF_POSSESSIVE[noun[2]!.toLowerCase()]!, at, at)
        if (src) add(sentence, at + noun[0].length, sentence.end, noun[3]!, src, 'indirect', 0.7)
      }

      // SUBJECT CUE (that) CONTENT  /  CONTENT, SUBJECT CUE.  /  CONTENT, CUE SUBJECT.
      CUE_RE.lastIndex = 0
      let cm: RegExpExecArray | null
      while ((cm = CUE_RE.exec(st))) {
        const cueAbs = base + cm.index
        if (inQuote(cueAbs)) continue
        if (covered.some(([a, b]) => cueAbs >= a && cueAbs < b)) continue
        const verb = cm[1]!
        const cueStart = cueAbs + cm[0].length - verb.length
        if (
          [...usedCues].some(
            (u) =>
              Math.abs(u - cueStart) <= 2 ||
              (u <= cueStart && text.slice(u, cueStart).trim() === ''),
          )
        )
          continue
        const cueEnd = cueAbs + cm[0].length
        const afterCue = text.slice(cueEnd, sentence.end)
        const beforeCue = text.slice(base, cueAbs)
        // Inverted at the end: "…, said Mayor X." / "…, the palace said in a statement."
        // "…, a senior source told Wirenews." / "told reporters on Monday": the object of "told" is the
        // audience, never the source, and may stand between the cue and the sentence's end.
        const audience = /^(?:told|tells)$/.test(verb)
          ? (afterCue.match(
              /^\s+(?:(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}\p{N}'.-]*(?:\s+\p{Lu}[\p{L}\p{N}'.-]*){0,3}|reporters|journalists|lawmakers|legislators|parliament|congress|the court|a court|the jury|jurors|supporters|investors|analysts|officials|residents|students|workers|members|delegates|viewers|listeners|readers|him|her|them|us|me)\b/u,
            )?.[0] ?? '')
          : ''
        const trailing =
          /^(?:\s+(?:(?:in|on|at|during|after|before|to|via)\b[^,]{0,50}|(?:last|this|next|late|early)\s+(?:week|month|year|night|morning|evening|\w+day)\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b))?\s*(?:,\s*(?:adding|saying|citing|noting|according|speaking|who|which|asking|requesting|declining|in|at|on|amid|after|as|during|following|despite|\w+ing)\b.*)?[.!?]?\s*$/.test(
            afterCue.slice(audience.length),
          )
        // "when they were told …": the subject of a passive cue is its audience, not its source ("…, the
        // court was told." at a sentence's end stays an agentless attribution).
        if (!trailing && /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$/i.test(beforeCue))
          continue
        // "early-voting states", "the reports", "his claims": a determiner or modifier before an -s form makes it a noun.
        if (
          /s$/.test(verb) &&
          /(?:^|\s)(?:the|a|an|these|those|its|their|his|her|our|your|my|many|several|some|all|both|other|such|member|two|three|four|five|\d+|[\p{L}]+-[\p{L}]+)\s*$/iu.test(
            beforeCue,
          )
        )
          continue
        // A negated cue reports no claim ("Israel has not claimed responsibility").
        if (
          /\b(?:not|never|n't|declined to|refused to|did not|would not)\s+(?:\w+\s+)?$/i.test(
            beforeCue,
          )
        )
          continue
        if (
          /,\s*$/.test(beforeCue) &&
          /^\s+(?:[A-Z]|(?:the|a|an|another|one|two|three|several|some|many|his|her|their|its)\s)/.test(
            afterCue,
          ) &&
          !/^\s+that\b/.test(afterCue)
        ) {
          const srcStart = cueEnd + (afterCue.match(/^\s+/)?.[0].length ?? 0)
          const srcEnd = sourceEnd(text, srcStart, sentence.end)
          // The source closes the sentence (or a relative clause / adverbial follows it).
          const srcWords = text.slice(srcStart, srcEnd)
          const rest = text.slice(srcEnd, sentence.end)
          // ", PG&E's principal meteorologist." / ", former adviser Fiona Hill.": an apposition with no verb closes the sentence.
          const closingApposition = rest.match(/^\s*,\s*([^,;:"“”]{2,90}?)\s*[.!?]?\s*$/)
          const appositionOk =
            closingApposition &&
            !/\b(?:is|are|was|were|has|have|had|been|will|would|could|should|did|does|said|says)\b/.test(
              closingApposition[1]!,
            )
          const closes =
            srcWords.split(/\s+/).length <= 10 &&
            !/\b(?:is|are|was|were|has|have|had|been|be|will|would|could|should|did|does)\b/.test(
              srcWords,
            ) &&
            (appositionOk ||
              /^\s*(?:[.!?]?\s*$|,\s*(?:who|which|whose|adding|according|in|on|at|a|an|the)\b|\s+(?:in|on|at|during|after|before)\b[^,]*$)/.test(
                rest,
              ))
          let src = closes ? resolveSource(srcStart, srcEnd, cueAbs) : undefined
          // "said another witness in the probe, former adviser Fiona Hill": the person the apposition names.
          if (appositionOk && src?.kind !== 'person') {
            const appStart = srcEnd + rest.indexOf(closingApposition![1]!)
            const named = resolveSource(appStart, appStart + closingApposition![1]!.length, cueAbs)
            if (named?.kind === 'person') src = named
          }
          const contentEnd = base + beforeCue.replace(/[\s,]+$/, '').length
          if (src && contentEnd - base > 10) {
            add(
              sentence,
              base,
              contentEnd,
              verb,
              src,
              /"/.test(text.slice(base, contentEnd)) ? 'mixed' : 'indirect',
              0.8,
            )
            break
          }
        }
        const subject = subjectBefore(text, base, cueAbs)
        if (trailing && subject && subject[0] > base + 10) {
          const src = resolveSource(subject[0], subject[1], cueAbs)
          const contentEnd =
            base + text.slice(base, subject[0]).replace(/[\s,]+$/, '').length - base + base
          if (src) {
            add(sentence, base, contentEnd - 0, verb, src, 'indirect', 0.8)
            // "…, the palace said in a statement, adding that …": the same source's second statement.
            const adding = afterCue.match(
              /,\s*(adding|saying|noting|warning|stressing)\s+(?:that\s+)?/,
            )
            if (adding)
              add(
                sentence,
                cueEnd + adding.index! + adding[0].length,
                sentence.end,
                adding[1]!,
                src,
                'indirect',
                0.75,
              )
            break
          }
        }
        if (!subject) continue
        const src =
          resolveSource(subject[0], subject[1], cueAbs) ?? speakingName(subject[0], subject[1])
        if (!src) continue
        // Belief, finding and that-only verbs report a statement only with a that-clause; some take their
        // audience first ("assured the public on Weibo, a social site, that …").
        const delayedThat = AUDIENCE_FIRST.has(verb.toLowerCase())
          ? afterCue.match(/^[^.;:"]{0,90}?,?\s+that\s+/)
          : null
        if (BELIEF.test(verb) && !/^\s+that\b/.test(afterCue) && !delayedThat) continue
        // "described the plan as "a trap"": the object and its description, to the end of their clause.
        if (NEEDS_AS.has(verb.toLowerCase())) {
          const as = afterCue.match(
            /^\s+[^.;:!?]{1,100}?\s+as\s+\S[^;]*?(?=["”]?,["”]?\s+(?:though|although|while|whereas|but|even as|despite)\b|[.;!?]?\s*$)/,
          )
          if (!as) continue
          add(
            sentence,
            cueEnd,
            cueEnd + as[0].length,
            verb,
            src,
            /"/.test(as[0]) ? 'mixed' : 'indirect',
            0.75,
          )
          break
        }
        // "Participants reported their working hours": an unnamed group reporting a thing, not a statement.
        if (
          /^report(?:ed|s)?$/.test(verb) &&
          src.kind === 'unnamed' &&
          !/^\s+(?:that\b|(?:\w+\s+){0,3}that\b)/.test(afterCue)
        )
          continue
        if (verb === 'called' && !/"/.test(afterCue)) continue
        // Content: after "that" if it comes soon, else after an object ("told Reuters", "told the court").
        let cs = cueEnd
        const thatM =
          afterCue.match(/^((?:\s+[\w'.-]+),?){0,9}?\s+that\s+/) ??
          afterCue.match(/^((?:,?\s+[\w'.-]+){0,9}?),?\s+that\s+/)
        // "said on Tuesday that …", "told Reuters that …" — but not "said the vote showed that …".
        const between = (thatM?.[0] ?? '')
          .replace(/\s+that\s+$/, '')
          .trim()
          .split(/[\s,]+/)
          .filter(Boolean)
        if (delayedThat) cs = cueEnd + delayedThat[0].length
        // "said in an Oct. 26 letter to communications companies that …": a prepositional phrase before "that".
        else if (
          thatM &&
          (between.every((w) => /^[A-Z]/.test(w) || ADVERBIAL_WORDS.has(w.toLowerCase())) ||
            (/^(?:in|on|at|during|to|after|before|via|through|over|with)$/i.test(
              between[0] ?? '',
            ) &&
              !between.some((w) => FINITE.test(w))))
        )
          cs = cueEnd + thatM[0].length
        else if (/^(?:told|tells)$/.test(verb)) {
          const obj = afterCue.match(
            /^\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:\p{Lu}[\p{L}\p{N}_'-]*(?:\s+\p{Lu}[\p{L}\p{N}_'-]*)*|[a-z]+(?:\s+members)?)(?:\s+(?:newspaper|radio|television|broadcaster|agency)\s+\p{Lu}[\p{L}\p{N}_'-]*)?\s*,?/u,
          )
          if (obj) cs = cueEnd + obj[0].length
        } else {
          const adv = afterCue.match(
            /^\s*(?:,\s*)?(?:(?:on|in|at|during|late|early|last|this)\s+(?:[\w'-]+\s+){0,3}?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|statement|interview|speech|conference|night|morning|week|month|year|post|letter|briefing|hearing|court)\b,?\s*)?/,
          )
          if (adv) cs = cueEnd + adv[0].length
        }
        // "…, while India's defence ministry accused …": a second source's clause ends this content.
        let ce = sentence.end
        const rival = text.slice(cs, sentence.end).match(RIVAL_CLAUSE)
        if (rival && rival.index! > 10) ce = cs + rival.index!
        const contentText = text.slice(cs, ce)
        if (contentText.trim().split(/\s+/).length < 2) continue
        const quoteType: QuoteType = quotes.some(
          (q) =>
            q.start >= cs &&
            q.end <= sentence.end + 1 &&
            q.start - cs < 2 &&
            sentence.end - q.end < 3,
        )
          ? 'direct'
          : 'indirect'
        const conf = src.kind === 'person' ? 0.85 : 0.8
        // "said that China "is going to … I like. If they don't, that's it."": a quotation the content
        // opens runs on to where it closes, over the paragraph's next sentences (one attribution, one claim).
        const runsOn =
          ce === sentence.end
            ? quotes.find((q) => q.start >= cs && q.start < ce && q.end > ce + 1)
            : undefined
        const claimSentence = runsOn
          ? {text: text.slice(sentence.start, runsOn.end), start: sentence.start, end: runsOn.end}
          : sentence
        add(
          claimSentence,
          cs,
          runsOn ? runsOn.end : ce,
          verb,
          src,
          quoteType,
          PRONOUNS.test(subjectTextOf(text, subject)) ? conf - 0.1 : conf,
        )
        if (ce === sentence.end) break
        // Go on with the rival clause.
        CUE_RE.lastIndex = ce - base
      }
      if (claims.length === claimsBefore) participialClaim(sentence)
    }
  })
  return claims
}

/** Ministry portfolios and the ministry names they stand for (data/lexicon/ministries.en.json). */
const PORTFOLIOS = readLexicon<{portfolios: Record<string, string>}>(
  'ministries.en.json',
).portfolios

/** AP-style title abbreviations spelled out (data/lexicon/title-abbreviations.en.json): "Gov." is a governor. */
const TITLE_ABBREVIATIONS = readLexicon<{abbreviations: Record<string, string>}>(
  'title-abbreviations.en.json',
).abbreviations

/** A role title's words, lowercased, abbreviations spelled out ("Lt. Gov." → lieutenant, governor). */
function roleWords(title: string | undefined): string[] {
  return (title ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''))
    .map((w) => TITLE_ABBREVIATIONS[w] ?? w)
}

function strip<T extends ClaimSourceDraft>(s: T): ClaimSourceDraft {
  return {
    kind: s.kind,
    entityKey: s.entityKey,
    description: s.description,
    plural: s.plural,
    affiliationKey: s.affiliationKey,
  }
}

function subjectTextOf(text: string, subject: [number, number]): string {
  return text.slice(subject[0], subject[1]).trim()
}

function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.start && offset <= s.end)
}

/** Straight-quote pairs in a paragraph (curly quotes were normalized by the read stage), and single-quoted speech. */
function quoteSpans(text: string): {start: number; end: number}[] {
  const out: {start: number; end: number}[] = []
  // British style: 'You lied to them,' the judge said. Opens after a space, closes after punctuation.
  if (!text.includes('"')) {
    const single = /(?:^|(?<=[\s(:]))'(?=[A-Z])[^']*?(?:'[a-z][^']*?)*[.,!?]'(?=\s|$)/g
    for (const m of text.matchAll(single)) out.push({start: m.index!, end: m.index! + m[0].length})
    if (out.length) return out
  }
  let open = -1
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue
    if (open < 0) open = i
    else {
      out.push({start: open, end: i + 1})
      open = -1
    }
  }
  return out
}

/** The end of a source phrase: before a comma that closes it, or a clause after it. */
function sourceEnd(text: string, start: number, limit: number): number {
  const rest = text.slice(start, limit)
  // "X of the Y", "a source familiar with US intelligence", stopping at a comma or a clause.
  const m = rest.match(
    /^[^,;:"]*?(?=,|;|:|"|\s+(?:that|who|which|and said|as|while|because|after|before|when)\s|[.!?]\s*$|$)/,
  )
  let end = start + (m ? m[0].length : rest.length)
  // "Ali Vaez, an analyst at X," is still the source: keep an apposition.
  const app = text.slice(end, limit).match(/^,\s+(?:an?|the)\s+[^,]{1,70},/)
  if (app && /^\s*(?:a|an|the)\b/i.test(text.slice(end + 1, limit))) end += app[0].length - 1
  return end
}

/**
 * The subject of a cue verb: the noun phrase right before it, past an apposition
 * ("Gregory Brew, an analyst at Eurasia Group, pointed out"). Offsets into the text, or undefined.
 */
/** Auxiliaries, adverbs and verb chains between a subject and its cue ("has recently tried to suggest"). */
const AUXILIARIES =
  /(?:\s+(?:has|have|had|also|was|were|is|are|will|would|later|then|reportedly|previously|publicly|repeatedly|separately|earlier|further|not|never|already|quickly|again|only|just|officially|formally|firmly|recently|in a statement|on \w+|ultimately|eventually|finally|initially|subsequently|immediately|privately|openly|(?:tried|tries|sought|seeks|wanted|wants|went on|appeared|appears|seemed|seems|moved|rushed|was quick|were quick)\s+to))+\s*$/i

export function subjectBefore(
  text: string,
  sentenceStart: number,
  cue: number,
): [number, number] | undefined {
  let left = text.slice(sentenceStart, cue)
  // Auxiliaries and adverbs between subject and verb.
  // "Netanyahu, however, said": a parenthetical discourse adverb is not an apposition.
  left = left.replace(
    /,\s*(?:however|meanwhile|though|too|in turn|for (?:his|her|its|their) part|in response|instead|also)\s*,?\s*$/i,
    '',
  )
  left = left.replace(AUXILIARIES, '')
  // "X apologised and said", "X welcomed the fine but said": the subject is before the first verb.
  const conj = left.match(/^(.*?\S)\s+\w+(?:ed|ised|ized)\b[^,]*?\s+(?:and|but)\s*$/)
  if (conj) left = conj[1]!.replace(AUXILIARIES, '')
  const end = sentenceStart + left.replace(/\s+$/, '').length
  let segment = left.replace(/\s+$/, '')
  // "…'s SARS outbreak—and Beijing officials admitted": a dash opens a new clause, whose subject follows it.
  const dash = segment.search(/[—–](?=[^—–]*$)/)
  if (dash >= 0 && dash < segment.length - 2) {
    sentenceStart += dash + 1
    segment = segment.slice(dash + 1)
  }
  // Appositions: "Name, a role at Org," / "Name, 61, who has lived …," / "The Association, which says …," → back to the name.
  const parts = segment.split(/,\s*/)
  if (parts.length >= 3 && parts.at(-1) === '') parts.pop()
  // "The ties "go beyond any one leader," aide X said": the closing quotation mark is not the subject's.
  let take = (parts.at(-1) ?? '').replace(/^["'“”‘’]\s*/, '')
  const appositive = (x: string) =>
    /^[A-Z][\w.-]*'s\s+(?:[a-z-]+\s+){0,3}[a-z-]+$/.test(x.trim()) ||
    (/^[RDI]-[A-Z][\w.]*$|^\d{1,3}$|^(?:[A-Z][\w.]*-?){1,2}$/.test(x.trim()) &&
      !/^[A-Z][a-z]+$/.test(x.trim())) ||
    /^(?:(?:a|an)\s|the\s+(?:[A-Z][a-z]+\s+)?[a-z]|who\b|whose\b|which\b|\d|aged\b|[a-z-]+-year-old\b|one of\b|himself\b|herself\b|itself\b|published\b|speaking\b|writing\b|or\s+\p{Lu}{2,}\b)/u.test(
      x,
    )
  let k = parts.length - 1
  // "…, a bus driver from Murfreesboro, Tennessee, said": the state after an appositive's town belongs to it.
  const placeTail = (i: number) =>
    i >= 2 &&
    /^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?$/.test(parts[i]!.trim()) &&
    appositive(parts[i - 1]!) &&
    /\b(?:from|in|of|near|outside)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*$/.test(parts[i - 1]!)
  // A part with a finite verb of its own is the content, not a name the apposition describes:
  // "The ceasefire would hold through the weekend, a senior source said" has "a senior source" as subject.
  const clause = (x: string) =>
    /\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does)\b/.test(
      x,
    )
  while (
    k >= 1 &&
    (appositive(parts[k]!) || placeTail(k)) &&
    parts.length > 1 &&
    !clause(parts[k - 1]!)
  )
    k--
  if (
    k < parts.length - 1 &&
    k >= 0 &&
    /[A-Z]/.test(parts[k]!) &&
    parts[k]!.split(/\s+/).length <= 8
  )
    take = parts.slice(k).join(', ')
  // "During the trial he": a pronoun subject after a leading phrase.
  const pronounEnd = take.match(/\b(he|she|they|it|we)$/i)
  if (pronounEnd && take.split(/\s+/).length > 1 && !/,/.test(take)) take = pronounEnd[1]!
  // "One investor, retired teacher Margaret Ashby" → keep both parts.
  if (
    take === parts.at(-1) &&
    parts.length >= 2 &&
    /^(?:one|a|an|the|two|three|some|several)\s+[a-z]+$/i.test(parts.at(-2)!) &&
    /[A-Z]/.test(take)
  )
    take = `${parts.at(-2)}, ${take}`
  const idx = segment.lastIndexOf(take)
  if (idx < 0) return undefined
  let start = sentenceStart + idx
  // Strip subordinate openers: "While X refrained …, it" was split at the comma already; "and"/"but" lead-ins go.
  const lead = take.match(
    /^(?:(?:and|but|so|yet|while|though|although|even though|because|as|since|when|where|however|meanwhile|instead|in response|additionally|separately|earlier|later|now)\b[\s,]*)+/i,
  )
  if (lead) start += lead[0].length
  const subject = text.slice(start, end)
  if (!subject.trim()) return undefined
  if (subject.split(/\s+/).length > 24) return undefined
  // A subject has no verb of its own in the middle ("the US urged Iran …" is not a subject).
  if (
    /\b(?:is|are|was|were|has|have|had|will|would|did|does)\b/.test(subject) &&
    !/,/.test(subject)
  )
    return undefined
  return [start, end]
}

/** A finite verb and what follows it: no part of a source's description. */
const VERB_TAIL =
  /\s+(?:was|were|is|are|has|have|had|did|does|do|would|will|could|can|may|might|must|said|says|told|who|which|that)\b.*$/i

function hedgingOf(statement: string, cue: string): Hedging {
  if (
    /\b(?:might|could|possibly|perhaps|speculat\w*|potentially)\b/i.test(statement) ||
    /^(?:suggested|suggests|predicted|predicts|estimated|estimates)$/.test(cue)
  )
    return 'speculative'
  if (
    /\b(?:may|reportedly|allegedly|likely|unlikely|believed|appears?|seems?|expected|probably|would)\b/i.test(
      statement,
    ) ||
    /^(?:believes|believe|believed|thinks|think|expects|expect|hopes|fears)$/.test(cue)
  )
    return 'hedged'
  return 'asserted'
}

function genderOf(entity: Entity | undefined): 'male' | 'female' | undefined {
  if (!entity) return undefined
  // "Eva-Marie": a hyphenated given name takes its first part's gender.
  const first = entity.name.split(/\s+/)[0]!.split('-')[0]!
  const tags = lexTags(first)
  const list = Array.isArray(tags) ? tags : tags ? [tags] : []
  if (list.includes('MaleName')) return 'male'
  if (list.includes('FemaleName')) return 'female'
  const roles = entity.roles
    .map((r) => r.title ?? '')
    .join(' ')
    .toLowerCase()
  if (/\b(?:spokeswoman|congresswoman|councilwoman|chairwoman|queen|princess|mrs|ms)\b/.test(roles))
    return 'female'
  if (/\b(?:spokesman|congressman|councilman|chairman|king|prince|mr)\b/.test(roles)) return 'male'
  return undefined
}

/** The government organization a country stands for when it acts as a source. */
function governmentOf(place: Entity): Entity {
  return {
    key: `organization:government of ${place.name.toLowerCase()}`,
    type: 'organization',
    name: `Government of ${place.name}`,
    aliases: new Set([place.name]),
    mentions: [],
    roles: [],
    orgKind: 'government',
    countryKey: place.key,
    standsFor: place.key,
  }
}
