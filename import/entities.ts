// Stage 4: people, places and organizations, with every mention's position.
// A fast rule-based chunker finds runs of capitalized words; each run is split into a role prefix
// ("Iranian Foreign Minister") and a name, and the name is typed by the gazetteers (countries,
// demonyms, regions, cities, well-known organizations), compromise's lexicon (given names, role
// nouns, organization head words) and context (apposition, locative prepositions, attribution verbs).
import {readLexicon} from './lexicons.ts'
import {
  gazetteer,
  gazetteerKey,
  type GazetteerOrganization,
  type GazetteerPlace,
  type OrganizationKind,
} from './gazetteer.ts'
import {
  HONORIFICS,
  ORG_LEADS,
  isCalendarWord,
  isCommonWord,
  isFunctionWord,
  isFirstName,
  isLastNameWord,
  isOrgHead,
  isRoleHead,
  isRoleModifier,
  lexTags,
} from './lexicon.ts'
import type {StructuredArticle} from './structure.ts'

export type EntityType = 'person' | 'place' | 'organization'

/** A piece of article text: the headline, the dek or a body paragraph. */
export interface TextUnit {
  kind: 'headline' | 'dek' | 'body'
  /** For body units, the paragraph index. */
  paragraph: number
  text: string
  /** Offsets where sentences start. */
  sentenceStarts: Set<number>
}

export interface Mention {
  unit: number
  start: number
  end: number
  text: string
}

export interface Role {
  title?: string
  organizationKey?: string
}

export interface Entity {
  key: string
  type: EntityType
  name: string
  aliases: Set<string>
  mentions: Mention[]
  roles: Role[]
  nationalityKey?: string
  place?: GazetteerPlace
  orgKind?: OrganizationKind
  countryKey?: string
  /** A government organization standing for a country ("Israel asserted …"), created by the claims stage. */
  standsFor?: string
}

export interface EntityIndex {
  units: TextUnit[]
  entities: Map<string, Entity>
  /** Mentions in text order, per unit. */
  mentionsByUnit: Map<number, {mention: Mention; key: string}[]>
  /** Entity keys of the person mentions, for resolving pronouns in order. */
  add(entity: Entity): Entity
}

interface Token {
  text: string
  /** The word without a possessive "'s". */
  core: string
  start: number
  /** End of the core. */
  end: number
  cap: boolean
  /** Ends a capitalized run (a hyphenated modifier "Iran-backed" contributes its head only). */
  breakAfter: boolean
}

const PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'dos',
  'das',
  'y',
  'ben',
])
/** "the Bay of Bengal", "the Battle of the Somme", "the Day of Judgment": an "X of Y" that is no organization. */
const NOT_ORG_LEADS =
  /^(?:Bay|Gulf|Sea|Strait|Straits|Lake|Mount|Cape|Isle|Island|Islands|River|Port|Valley|Battle|War|Siege|Day|Year|Night|Feast|Festival|Act|Treaty|Declaration|Book|Song|Prince|Princess|Duke|Duchess|Earl|King|Queen|Secretary|Minister|State|Republic|Kingdom|Province|City|Town|Isle|Bill|Statue|Tower|Palace|Museum|Church|Cathedral|Line|Border|Road|Street|Avenue|Square|Bridge|Gate|Wall|Hall|Coast|Horn|Dome|Rock|Temple|Mosque|Tomb|Order|Cross|Star|Medal|Prize|Cup|Games)$/
/** Letters after a name that are not part of it ("Oliver Quint KC"). */
const POSTNOMINALS = new Set([
  'KC',
  'QC',
  'SC',
  'MP',
  'MEP',
  'MSP',
  'MD',
  'PhD',
  'Jr',
  'Sr',
  'II',
  'III',
  'IV',
  'OBE',
  'CBE',
  'MBE',
  'DBE',
  'KBE',
  'FRS',
  'RN',
  'Esq',
])
const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&'])
const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'outside',
  'inside',
  'across',
  'into',
  'toward',
  'towards',
  'around',
  'via',
  'through',
  'throughout',
  'visited',
  'visit',
  'visiting',
  'between',
  'reached',
  'left',
  'of',
])
const SPEAKS =
  /^\s+(?:has\s+|have\s+|also\s+)?(?:said|says|confirmed|confirms|announced|announces|stated|added|told|denied|declined|reported|reports|warned|insisted|argued)\b/
const ATTRIBUTION_NEXT =
  /^(?:,?\s+(?:said|says|told|added|stated|noted|argued|warned|wrote|explained|insisted|confirmed|denied|claimed|asserted|acknowledged|remarked|emphasized|emphasised|stressed|replied|tweeted|posted|announced)\b|,\s+(?:\d{1,3},|a|an|the|who|whose|his|her|its|their|one|former|then|also)\b)/

const TOKEN_RE =
  /(?:\p{Lu}\.){2,}(?:-[\p{L}\p{N}]+)*|[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*(?:'s\b|s'(?=\s))?/gu

function tokenize(text: string): Token[] {
  const out: Token[] = []
  TOKEN_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN_RE.exec(text))) {
    const raw = m[0]
    const start = m.index
    const last = raw.charCodeAt(raw.length - 1)
    // A possessive "'s" or plural "s'" is not part of the name.
    let core =
      last === 115 && raw.charCodeAt(raw.length - 2) === 39
        ? raw.slice(0, -2)
        : last === 39
          ? raw.slice(0, -1)
          : raw
    let breakAfter = false
    const first = core[0]!
    const upper = first !== first.toLowerCase()
    if (upper && core.includes('-')) {
      // "Iran-backed", "Gaza-based": the capitalized head is a mention, the run ends there.
      const hyphen = core.match(/^(\p{Lu}[\p{L}.]*)-(\p{Ll}[\p{L}-]*)$/u)
      if (
        hyphen &&
        !/^(?:elect|in-law|born)$/.test(hyphen[2]!) &&
        !/^(?:al|el|bin|ibn|abu)$/i.test(hyphen[1]!)
      ) {
        core = hyphen[1]!
        breakAfter = true
      }
    }
    const cap =
      upper ||
      (core.includes('-') && /^(?:al|el|ad|ash|as|az|ar|an|at|bin|ibn|abu)-\p{Lu}/u.test(core))
    out.push({text: raw, core, start, end: start + core.length, cap, breakAfter})
  }
  return out
}

interface Chunk {
  unit: number
  tokens: Token[]
  /** Whether the run's first token opens a sentence (or a quotation). */
  sentenceInitial: boolean
  /** The word before the run, lowercased (for context). */
  before: string
  /** The word after the run, lowercased. */
  after: string
  /** The tokens of the unit and the index of the run's first token in them. */
  all: Token[]
  index: number
}

function chunks(units: TextUnit[]): Chunk[] {
  const out: Chunk[] = []
  units.forEach((unit, u) => {
    const tokens = tokenize(unit.text)
    let i = 0
    while (i < tokens.length) {
      if (!tokens[i]!.cap) {
        i++
        continue
      }
      const run = [tokens[i]!]
      let j = i + 1
      while (j < tokens.length && !run.at(-1)!.breakAfter) {
        const prev = run.at(-1)!
        const gap = unit.text.slice(prev.end, tokens[j]!.start)
        const abbrevDot =
          /^\.\s+$/.test(gap) &&
          (prev.core.length === 1 ||
            /^(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|St|Rev|Brig|Cmdr|Fr|Jr|Sr)$/.test(
              prev.core,
            ))
        // A possessive ends the name, unless an organization's head follows a role or group noun
        // ("the County Sheriff's Office", "Children's Hospital", "People's Party").
        const possessive = prev.text !== prev.core && possessiveInName(prev.core, tokens[j]!)
        if (prev.text !== prev.core && !abbrevDot && !possessive) break
        if (!(
          /^\s+$/.test(gap) ||
          (possessive && /^'s?\s+$/.test(gap)) ||
          abbrevDot ||
          (/^\s*&\s*$/.test(gap) && tokens[j]!.cap)
        ))
          break
        const t = tokens[j]!
        if (t.cap) {
          run.push(t)
          j++
          continue
        }
        // "Axis of Resistance", "Ursula von der Leyen": a lowercase connector between capitalized words.
        const lower = t.core.toLowerCase()
        if ((PARTICLES.has(lower) || CONNECTORS.has(lower)) && tokens[j + 1]) {
          let k = j
          const bridge: Token[] = []
          while (
            k < tokens.length &&
            !tokens[k]!.cap &&
            (PARTICLES.has(tokens[k]!.core.toLowerCase()) ||
              CONNECTORS.has(tokens[k]!.core.toLowerCase()) ||
              tokens[k]!.core === 'the') &&
            bridge.length < 3
          ) {
            bridge.push(tokens[k]!)
            k++
          }
          const okGap =
            k < tokens.length &&
            /^\s+$/.test(unit.text.slice(bridge.at(-1)!.end, tokens[k]!.start)) &&
            bridge.every(
              (b, x) => x === 0 || /^\s+$/.test(unit.text.slice(bridge[x - 1]!.end, b.start)),
            )
          if (tokens[k]?.cap && okGap && bridge.length) {
            run.push(...bridge)
            j = k
            continue
          }
        }
        break
      }
      const first = run[0]!
      const precedingText = unit.text.slice(Math.max(0, first.start - 4), first.start)
      const sentenceInitial =
        unit.sentenceStarts.has(first.start) ||
        first.start === 0 ||
        /(?:^|[.!?:;]\s*)["'(]?\s*$/.test(precedingText) ||
        /["(]$/.test(precedingText)
      out.push({
        unit: u,
        tokens: run,
        sentenceInitial,
        before: tokens[i - 1]?.core.toLowerCase() ?? '',
        after: tokens[j]?.core.toLowerCase() ?? '',
        all: tokens,
        index: i,
      })
      i = j
    }
  })
  return out
}

const PLACE_FEATURES = (() => {
  const raw = readLexicon<{
    heads: string[]
    leads: string[]
    compass: string[]
    lowercaseHeads: string[]
  }>('place-features.en.json')
  // Longest first, each term as its words ("Bay Area" → ["Bay", "Area"]; "Mt." is one token "Mt").
  const words = (terms: string[]) =>
    terms.map((t) => t.replace(/\./g, '').split(/\s+/)).sort((a, b) => b.length - a.length)
  // One-word heads in the plural, lowercase as copy writes them ("Ventura and Los Angeles counties").
  const plurals = new Map(
    raw.heads
      .filter((h) => !h.includes(' '))
      .map((h) => [
        h
          .toLowerCase()
          .replace(/y$/, 'ie')
          .replace(/(?:s|x|ch|sh)$/, '$&e') + 's',
        h,
      ]),
  )
  return {
    heads: words(raw.heads),
    leads: words(raw.leads),
    compass: new Set(raw.compass),
    plurals,
    lowercaseHeads: new Set(raw.lowercaseHeads),
  }
})()

/** "Former", "Acting": qualifies a role in time, never part of a name. */
const TIME_QUALIFIER = /^(?:Former|Ex|Late|Then|Acting|Interim|Outgoing|Incoming)$/

/** A given name, hyphenated ones included ("Eva-Marie", "Sui-Lee" when either part is known). */
const isGivenName = (word: string) =>
  isFirstName(word) ||
  (word.includes('-') && word.split('-').some((part) => /^\p{Lu}/u.test(part) && isFirstName(part)))

/** What follows a title is its remit, not a name ("… Commissioner for Human Rights"): an office. */
const isOffice = (after: Token[]) =>
  !!after[0] &&
  !after[0].cap &&
  /^(?:for|of|on)$/.test(after[0].core) &&
  after.at(-1)!.cap &&
  !after.some((t) => isGivenName(t.core))

/** "O'Rourke", "McAllister", "MacLeod": Gaelic patronymic prefixes make a word a surname. */
export const hasSurnameShape = (word: string) =>
  /^(?:O['’]|Mc|Mac(?=\p{Lu}))\p{Lu}\p{Ll}+$/u.test(word)

const keyOf = (type: EntityType, name: string) =>
  `${type}:${gazetteerKey(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()}`

/** Joins tokens back into their original text. */
function spanText(unit: TextUnit, tokens: Token[]): string {
  return unit.text.slice(tokens[0]!.start, tokens.at(-1)!.end)
}

interface Candidate {
  type: EntityType
  name: string
  tokens: Token[]
  place?: GazetteerPlace
  org?: GazetteerOrganization
  orgKind?: OrganizationKind
  role?: string
  /** The organization a role prefix names ("Senate Majority Leader"). */
  roleOrg?: string
  nationality?: GazetteerPlace
  /** Certain from the chunk alone (a title, a first name, the gazetteer) rather than a guess. */
  strong: boolean
}

export function extractEntities(article: StructuredArticle): EntityIndex {
  const g = gazetteer()
  const units: TextUnit[] = [
    {kind: 'headline', paragraph: -1, text: article.headline, sentenceStarts: new Set([0])},
    ...(article.dek
      ? [{kind: 'dek' as const, paragraph: -1, text: article.dek, sentenceStarts: new Set([0])}]
      : []),
    ...article.paragraphs.map((p, i) => ({
      kind: 'body' as const,
      paragraph: i,
      text: p.text,
      sentenceStarts: new Set(p.sentences.map((s) => s.start)),
    })),
  ]
  const entities = new Map<string, Entity>()
  const mentionsByUnit = new Map<number, {mention: Mention; key: string}[]>()
  const index: EntityIndex = {
    units,
    entities,
    mentionsByUnit,
    add(entity) {
      const existing = entities.get(entity.key)
      if (existing) return existing
      entities.set(entity.key, entity)
      return entity
    },
  }
  // A headline in Title Case capitalizes every word: its runs say nothing about names (the body repeats them).
  const headlineWords = article.headline.match(/\b[A-Za-z]{4,}\b/g) ?? []
  const titleCase =
    headlineWords.length >= 3 &&
    headlineWords.filter((w) => /^[A-Z]/.test(w)).length >= headlineWords.length * 0.6
  const all = chunks(units).filter((c) => !(titleCase && units[c.unit]!.kind === 'headline'))

  // Words seen capitalized away from a sentence start: evidence that a sentence-initial word is a name.
  const midCapitalized = new Set<string>()
  for (const c of all)
    c.tokens.forEach(
      (t, i) => (i > 0 || !c.sentenceInitial) && t.cap && midCapitalized.add(t.core.toLowerCase()),
    )

  // Words the article also uses in lowercase are common words wherever they are capitalized.
  const lowercaseVocabulary = new Set<string>()
  for (const u of units)
    for (const w of u.text.match(/(?<![\p{L}'])\p{Ll}[\p{Ll}-]+/gu) ?? [])
      lowercaseVocabulary.add(w)
  const commonHere = (w: string) =>
    isCommonWord(w) ||
    lowercaseVocabulary.has(w.toLowerCase()) ||
    lowercaseVocabulary.has(w.toLowerCase().replace(/s$/, ''))

  const countryMentioned = new Set<string>()
  for (const c of all)
    for (const t of c.tokens) {
      const p =
        g.placeByName.get(gazetteerKey(t.core)) ?? g.countryByDemonym.get(gazetteerKey(t.core))
      if (p?.kind === 'country' && p.isoCode) countryMentioned.add(p.isoCode)
    }
  // The countries the story is set in: those it names, and those its regions lie in ("South Carolina" → US).
  const storyCountries = new Set(countryMentioned)
  for (const c of all) {
    for (let i = 0; i < c.tokens.length; i++) {
      for (const n of [1, 2]) {
        const p =
          c.tokens[i + n - 1] &&
          g.placeByName.get(
            gazetteerKey(
              c.tokens
                .slice(i, i + n)
                .map((t) => t.core)
                .join(' '),
            ),
          )
        if (p?.countryCode && p.kind !== 'city') storyCountries.add(p.countryCode)
      }
    }
  }
  /** "Republican attacks", "GOP-dominated": a party's adjective, in a story set in its country. */
  const partyOf = (word: string) => {
    const org = g.organizationByAdjective.get(word)
    return org?.countryCode && storyCountries.has(org.countryCode) ? org : undefined
  }

  // Surnames of people named with a known given name ("Joe Biden"): "Hunter Biden" is another of the family.
  const familyNames = new Set<string>()
  for (const c of all)
    if (
      c.tokens.length >= 2 &&
      c.tokens.length <= 3 &&
      isFirstName(c.tokens[0]!.core) &&
      c.tokens.every((t) => t.cap)
    )
      familyNames.add(c.tokens.at(-1)!.core)
  for (const w of [...familyNames])
    if (isCommonWord(w) || g.placeByName.has(gazetteerKey(w)) || isOrgHead(w, 'last'))
      familyNames.delete(w)

  const introducedOrgs = findIntroducedOrganizations(units)
  const found: {chunk: Chunk; cand: Candidate}[] = []
  const pendingSingles: Chunk[] = []
  const note = (chunk: Chunk, cand: Candidate) => {
    // "Hartwell & Moss", "Procter & Gamble": an ampersand joins partners' names into a firm's.
    if (cand.type === 'person' && cand.name.includes('&'))
      cand = {
        type: 'organization',
        name: cand.name,
        tokens: cand.tokens,
        orgKind: 'company',
        strong: false,
      }
    found.push({chunk, cand})
  }

  for (const chunk of all) {
    let tokens = chunk.tokens.slice()
    // Drop trailing connectors and leading "The".
    while (
      tokens.length &&
      (!tokens.at(-1)!.cap || (tokens.length > 1 && POSTNOMINALS.has(tokens.at(-1)!.core)))
    )
      tokens.pop()
    if (tokens[0]?.core === 'The' || tokens[0]?.core === 'A' || tokens[0]?.core === 'An')
      tokens.shift()
    // "Former United captain …": a leading time qualifier belongs to a role, never to a name.
    if (
      tokens.length > 1 &&
      TIME_QUALIFIER.test(tokens[0]!.core) &&
      !isRoleHead(tokens[1]!.core) &&
      !isRoleModifier(tokens[1]!.core)
    )
      tokens.shift()
    // A sentence-initial common word is not part of a name ("During", "Sources", "Markets").
    if (tokens.length && chunk.sentenceInitial && tokens[0] === chunk.tokens[0]) {
      const w = tokens[0]!.core
      const known =
        g.placeByName.has(gazetteerKey(w)) ||
        g.countryByDemonym.has(gazetteerKey(w)) ||
        g.organizationByName.has(gazetteerKey(w))
      if (
        !known &&
        !partyOf(w) &&
        !isRoleHead(w) &&
        !isRoleModifier(w) &&
        !isFirstName(w) &&
        commonHere(w) &&
        !midCapitalized.has(w.toLowerCase())
      )
        tokens.shift()
    }
    while (tokens.length && !tokens[0]!.cap) tokens.shift()
    if (!tokens.length) continue
    classify({...chunk, tokens}, chunk)
  }

  function classify(chunk: Chunk, original: Chunk) {
    const unit = units[chunk.unit]!
    const tokens = chunk.tokens
    const text = spanText(unit, tokens)
    const k = gazetteerKey(text)
    const isFirstOfRun = tokens[0] === original.tokens[0]
    const before = isFirstOfRun ? original.before : tokens[0]!.core.toLowerCase()

    // Organizations the text itself introduces ("the electoral service Servel").
    const introduced = introducedOrgs.get(k)
    if (introduced) {
      note(chunk, {
        type: 'organization',
        name: introduced.name,
        tokens,
        orgKind: introduced.kind,
        strong: true,
      })
      return
    }
    // Whole-run gazetteer matches.
    const org =
      g.organizationByName.get(k) ??
      g.organizationByName.get(gazetteerKey(text.replace(/^(?:US|U\.S\.)\s+/, '')))
    if (org && !(org.aliases.includes(text) && text.length <= 3 && !/^[A-Z]+$/.test(text))) {
      // "Congress" is the US Congress in a story about the US, and a congress of its own elsewhere.
      const generic =
        org.countryCode &&
        gazetteerKey(org.name) !== k &&
        !countryMentioned.has(org.countryCode) &&
        countryMentioned.size > 0
      if (generic)
        note(chunk, {type: 'organization', name: text, tokens, orgKind: org.kind, strong: true})
      else
        note(chunk, {
          type: 'organization',
          name: org.name,
          tokens,
          org,
          orgKind: org.kind,
          strong: true,
        })
      return
    }
    if (/Organization|SportsTeam/.test(String(lexTags(text) ?? '')) && tokens.length >= 2) {
      note(chunk, {type: 'organization', name: text, tokens, orgKind: 'other', strong: true})
      return
    }
    // "an analyst at Piper Sandler", "an economist at Itau BBA": what a role is held at is an organization.
    if (isFirstOfRun && !g.placeByName.has(k) && !g.citiesByName.has(k)) {
      const roleAt = unit.text
        .slice(Math.max(0, tokens[0]!.start - 40), tokens[0]!.start)
        .match(/\b([A-Za-z][a-z]+)\s+(?:at|with)\s+(?:the\s+)?$/)
      if (
        roleAt &&
        isRoleHead(roleAt[1]!.toLowerCase()) &&
        !/^(?:reporters|journalists|supporters|crowds|residents|fans|officials|members)$/i.test(
          roleAt[1]!,
        )
      ) {
        note(chunk, {
          type: 'organization',
          name: text,
          tokens,
          orgKind: orgKindOf(text),
          strong: false,
        })
        return
      }
    }
    // "the Chinese CDC": a nationality, then an acronym the story spells out elsewhere.
    if (
      tokens.length === 2 &&
      g.countryByDemonym.has(gazetteerKey(tokens[0]!.core)) &&
      /^\p{Lu}{2,6}$/u.test(tokens[1]!.core)
    ) {
      const nation = g.countryByDemonym.get(gazetteerKey(tokens[0]!.core))!
      note(
        {...chunk, tokens: [tokens[0]!]},
        {type: 'place', name: nation.name, tokens: [tokens[0]!], place: nation, strong: true},
      )
      pendingSingles.push({...chunk, tokens: [tokens[1]!], sentenceInitial: false})
      return
    }
    const feature =
      (tokens.length >= 2 ? placeByFeature(unit, tokens) : undefined) ?? pluralFeature(unit, tokens)
    if (feature) {
      note(chunk, {type: 'place', name: feature.name, tokens, place: feature, strong: true})
      return
    }
    const lowered = lowercaseFeature(unit, chunk)
    if (lowered) {
      note(
        {...chunk, tokens: lowered.tokens},
        {
          type: 'place',
          name: lowered.place.name,
          tokens: lowered.tokens,
          place: lowered.place,
          strong: true,
        },
      )
      return
    }
    const place = g.placeByName.get(k)
    if (place && !(place.ambiguous && !LOCATIVE.has(before))) {
      note(chunk, {type: 'place', name: place.name, tokens, place, strong: true})
      return
    }
    const demonym = g.countryByDemonym.get(k)
    if (demonym && tokens.length === 1) {
      note(chunk, {type: 'place', name: demonym.name, tokens, place: demonym, strong: true})
      return
    }

    // Role prefix: the longest run of title words, modifiers, honorifics, demonyms and countries that ends in a title word.
    let roleEnd = -1
    for (let i = 0; i < tokens.length - 0; i++) {
      const w = tokens[i]!.core
      // "Goldman said": a surname the story gives after a given name is no role noun, whatever its ending.
      if (isRoleHead(w) && !familyNames.has(w)) roleEnd = i
      else if (
        isRoleModifier(w) ||
        g.countryByDemonym.has(gazetteerKey(w)) ||
        g.placeByName.get(gazetteerKey(w))?.kind === 'country'
      )
        continue
      else if (!tokens[i]!.cap) continue
      else break
    }
    // "Secretary of State Mike Pompeo", "Minister for Health Ana Ruiz": a title's "of"/"for" phrase belongs
    // to the title when a given name follows it.
    if (
      roleEnd >= 0 &&
      CONNECTORS.has(tokens[roleEnd + 1]?.core ?? '') &&
      tokens[roleEnd + 1]!.core !== 'and'
    ) {
      // The name runs to the next connector ("… Maria Castellan on Monday").
      const nameLength = (i: number) => {
        const stop = tokens.findIndex((t, j) => j > i && !t.cap)
        return (stop < 0 ? tokens.length : stop) - i
      }
      const given = tokens.findIndex(
        (t, i) =>
          i > roleEnd + 2 &&
          t.cap &&
          isGivenName(t.core) &&
          nameLength(i) >= 2 &&
          nameLength(i) <= 3,
      )
      if (given > 0 && tokens.slice(roleEnd + 2, given).every((t) => t.cap || t.core === 'the'))
        roleEnd = given - 1
    }
    // "Senate Majority Leader John Thune", "Benfica president Nuno Valente": an organization, its title, a name.
    let roleOrg: string | undefined
    /** The whole run as an office: a title with its remit and no name ("High Commissioner for Human Rights"). */
    const noteOffice = () =>
      note(chunk, {
        type: 'organization',
        name: text.replace(/^the\s+/i, ''),
        tokens,
        orgKind: 'agency',
        strong: false,
      })
    // "the UN High Commissioner for Human Rights": a title with its remit and no name after is an office.
    if (
      roleEnd < 0 &&
      tokens.some((t, r) => r >= 1 && isRoleHead(t.core) && isOffice(tokens.slice(r + 1)))
    ) {
      noteOffice()
      return
    }
    if (roleEnd < 0 && tokens.length >= 3) {
      for (let r = tokens.length - 2; r >= 1; r--) {
        if (!isRoleHead(tokens[r]!.core)) continue
        const after = tokens.slice(r + 1)
        // The name after the title: a known given name, one word, or words no lexicon knows ("Marybel Batjer").
        const unknownName = after.every(
          (t) => lexTags(t.core) === undefined && !isCommonWord(t.core),
        )
        if (
          after.length > 3 ||
          !after.every((t) => t.cap) ||
          !(isFirstName(after[0]!.core) || after.length === 1 || unknownName)
        )
          break
        if (after.some((t) => isOrgHead(t.core, 'only'))) break
        let roleStart = r
        while (
          roleStart > 0 &&
          (isRoleModifier(tokens[roleStart - 1]!.core) || isRoleHead(tokens[roleStart - 1]!.core))
        )
          roleStart--
        // "Former National Security Council official X": the time qualifier belongs to the role.
        const qualifier = TIME_QUALIFIER.test(tokens[0]!.core) ? 1 : 0
        const orgTokens = tokens.slice(qualifier, roleStart)
        const orgText = orgTokens.length ? spanText(unit, orgTokens) : ''
        if (
          orgTokens.length &&
          orgTokens.every((t) => t.cap) &&
          !g.placeByName.has(gazetteerKey(orgText)) &&
          !g.countryByDemonym.has(gazetteerKey(orgText))
        ) {
          const mark = found.length
          classify({...chunk, tokens: orgTokens}, {...original, tokens: orgTokens})
          const orgFound = found.slice(mark).find((f) => f.cand.type === 'organization')
          roleOrg = orgFound ? keyOf('organization', orgFound.cand.name) : undefined
          tokens.splice(0, roleStart)
          roleEnd = r - roleStart
        }
        break
      }
    }
    if (roleEnd >= 0) {
      const nameTokens = tokens.slice(roleEnd + 1)
      const roleTokens = tokens.slice(0, roleEnd + 1)
      // Countries and demonyms in the role are mentions of those places.
      let nationality: GazetteerPlace | undefined
      for (const t of roleTokens) {
        // "Republican Gov. Eric Holcomb": the party in the title is mentioned too.
        const party = partyOf(t.core)
        if (party)
          note(
            {...chunk, tokens: [t]},
            {
              type: 'organization',
              name: party.name,
              tokens: [t],
              org: party,
              orgKind: party.kind,
              strong: true,
            },
          )
        const p =
          g.countryByDemonym.get(gazetteerKey(t.core)) ??
          (g.placeByName.get(gazetteerKey(t.core))?.kind === 'country'
            ? g.placeByName.get(gazetteerKey(t.core))
            : undefined)
        if (p) {
          nationality ??= p
          note(
            {...chunk, tokens: [t]},
            {type: 'place', name: p.name, tokens: [t], place: p, strong: true},
          )
        }
      }
      const roleWords = roleTokens
        .map((t) => t.core)
        .filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')))
      const role = roleWords.length
        ? unit.text.slice(
            roleTokens.find((t) => roleWords.includes(t.core))!.start,
            roleTokens.filter((t) => roleWords.includes(t.core)).at(-1)!.end,
          )
        : undefined
      // "Rep. Rosa DeLauro of Connecticut": the name ends at the connector.
      const nameConn = nameTokens.findIndex((t) => !t.cap && CONNECTORS.has(t.core.toLowerCase()))
      if (nameConn > 0) {
        let from = nameConn
        while (nameTokens[from] && !nameTokens[from]!.cap) from++
        const rest = nameTokens.slice(from)
        nameTokens.splice(nameConn)
        if (rest.length)
          classify({...chunk, tokens: rest}, {...original, tokens: rest, before: 'of'})
      }
      // "the UN High Commissioner for Human Rights": a title with its remit and no name is an office.
      if (isOffice(nameTokens)) {
        noteOffice()
        return
      }
      if (
        nameTokens.length >= 1 &&
        nameTokens.length <= 4 &&
        nameTokens.every((t) => !isOrgHead(t.core, 'only') && !isFunctionWord(t.core))
      ) {
        note(
          {...chunk, tokens: nameTokens},
          {
            type: 'person',
            name: spanText(unit, nameTokens),
            tokens: nameTokens,
            role,
            roleOrg,
            nationality,
            strong: true,
          },
        )
        return
      }
      if (nameTokens.length) {
        classify(
          {...chunk, tokens: nameTokens},
          {...original, tokens: nameTokens, before: tokens[roleEnd]!.core.toLowerCase()},
        )
      }
      return
    }

    // "China and the European Union": two names joined, when the first stands on its own.
    const andAt = tokens.findIndex((t) => t.core === 'and')
    if (andAt > 0) {
      const left = tokens.slice(0, andAt)
      const leftKey = gazetteerKey(spanText(unit, left))
      // "Jerusalem and the West Bank": a name after "and the" is a name of its own.
      const andThe = tokens[andAt + 1]?.core === 'the'
      // "Coastal Protection Agency and State Harbour Board": two names, each closed by its own head word
      // (but "Department of Health and Human Services" is one: its left side has no head of its own).
      const headed = (ts: Token[]) => ts.length >= 2 && isOrgHead(ts.at(-1)!.core, 'last')
      if (
        andThe ||
        (headed(left) && headed(tokens.slice(andAt + 1))) ||
        g.placeByName.has(leftKey) ||
        g.organizationByName.has(leftKey) ||
        g.countryByDemonym.has(leftKey) ||
        (left.length >= 2 && isFirstName(left[0]!.core))
      ) {
        let from = andAt + 1
        while (tokens[from] && !tokens[from]!.cap) from++
        const right = tokens.slice(from)
        classify({...chunk, tokens: left}, {...original, tokens: left})
        if (right.length) classify({...chunk, tokens: right}, {...original, tokens: right, before})
        return
      }
    }

    // "Ali Vaez of the International Crisis Group": a person's name, then the organization.
    const connector = tokens.findIndex((t) => !t.cap && CONNECTORS.has(t.core.toLowerCase()))
    if (connector >= 2 && connector <= 3 && isGivenName(tokens[0]!.core)) {
      const head = tokens.slice(0, connector)
      let restFrom = connector + 1
      while (tokens[restFrom] && !tokens[restFrom]!.cap) restFrom++
      note(
        {...chunk, tokens: head},
        {type: 'person', name: spanText(unit, head), tokens: head, strong: true},
      )
      const rest = tokens.slice(restFrom)
      if (rest.length)
        classify({...chunk, tokens: rest}, {...original, tokens: rest, before: 'the'})
      return
    }

    // Organizations by their head or lead word.
    const last = tokens.at(-1)!.core
    const firstLower = tokens[0]!.core.toLowerCase()
    const conn = tokens.findIndex((t) => !t.cap)
    const headBeforeConnector = conn >= 2 && isOrgHead(tokens[conn - 1]!.core, 'last')
    const lexOrg = /Organization|SportsTeam/.test(String(lexTags(text) ?? ''))
    // "Democrat on the House Appropriations Committee": the committee, not the Democrat.
    if (
      conn === 1 &&
      /^(?:on|at|for|with)$/.test(tokens[1]!.core) &&
      !isOrgHead(tokens[0]!.core, 'only') &&
      isOrgHead(last, 'last')
    ) {
      let from = 1
      while (tokens[from] && !tokens[from]!.cap) from++
      const rest = tokens.slice(from)
      classify(
        {...chunk, tokens: rest},
        {...original, tokens: rest, before: tokens[from - 1]!.core.toLowerCase()},
      )
      return
    }
    if (
      lexOrg ||
      (tokens.length >= 2 && isOrgHead(last, 'last')) ||
      headBeforeConnector ||
      (tokens.length >= 3 && ORG_LEADS.has(firstLower) && /^(?:of|for|on)$/.test(tokens[1]!.core))
    ) {
      // "Former National Security Council (official)": a time qualifier belongs to the role that follows.
      if (tokens.length >= 3 && TIME_QUALIFIER.test(tokens[0]!.core))
        return classify({...chunk, tokens: tokens.slice(1)}, {...original, tokens: tokens.slice(1)})
      note(chunk, {
        type: 'organization',
        name: text.replace(/^the\s+/i, ''),
        tokens,
        orgKind: orgKindOf(text),
        strong: true,
      })
      return
    }
    // "the Axis of Resistance": an unknown "X of Y" name after "the" is an organization.
    const theBefore = /\bthe\s+(?:[\w-]+\s+)?$/i.test(
      unit.text.slice(Math.max(0, tokens[0]!.start - 40), tokens[0]!.start),
    )
    if (
      tokens.length >= 3 &&
      tokens.some((t) => t.core === 'of') &&
      theBefore &&
      !NOT_ORG_LEADS.test(tokens[0]!.core) &&
      !tokens.some((t) => g.placeByName.has(gazetteerKey(t.core)))
    ) {
      note(chunk, {type: 'organization', name: text, tokens, orgKind: 'other', strong: false})
      return
    }

    // Not an organization's name: "Chicago on Tuesday", "Saudi Arabia and Qatar" are separate names.
    const bridge = tokens.findIndex((t) => !t.cap && CONNECTORS.has(t.core.toLowerCase()))
    if (bridge > 0) {
      const left = tokens.slice(0, bridge)
      let from = bridge
      while (tokens[from] && !tokens[from]!.cap) from++
      const right = tokens.slice(from)
      classify({...chunk, tokens: left}, {...original, tokens: left})
      // "in Connecticut and Boston": a coordinated name shares the first one's context.
      const joiner = tokens[bridge]!.core.toLowerCase()
      const rightBefore = joiner === 'and' || joiner === '&' ? before : joiner
      if (right.length)
        classify({...chunk, tokens: right}, {...original, tokens: right, before: rightBefore})
      return
    }

    // Cities: a gazetteer name in a place-like context.
    const cities = g.citiesByName.get(k)
    if (cities?.length && tokens.length <= 4) {
      const city =
        cities.find((c) => c.countryCode && countryMentioned.has(c.countryCode)) ?? cities[0]!
      const followedByRegion =
        /^,\s*(?:[A-Z]{2}\b|[A-Z][a-z]+)/.test(unit.text.slice(tokens.at(-1)!.end)) &&
        isRegionAfter(unit.text.slice(tokens.at(-1)!.end))
      // A dateline opens the first paragraph: "SANTIAGO —", or in the outlet's case, "Indianapolis – …", "Chicago (AP) —".
      const dateline =
        chunk.unit === units.findIndex((x) => x.kind === 'body') &&
        tokens[0]!.start === 0 &&
        (text === text.toUpperCase() ||
          /^\s*(?:\([^)]{1,30}\))?\s*[—–-]\s/.test(unit.text.slice(tokens.at(-1)!.end)))
      const based = /^-based\b/.test(unit.text.slice(tokens.at(-1)!.end))
      const big = (city.population ?? 0) >= 1_000_000 && !isFirstName(tokens[0]!.core)
      const small = (city.population ?? 0) < 20_000
      if (
        (LOCATIVE.has(before) && !(small && isCommonWord(text))) ||
        followedByRegion ||
        dateline ||
        based ||
        big
      ) {
        note(chunk, {type: 'place', name: city.name, tokens, place: city, strong: true})
        return
      }
      if (tokens.length === 1) {
        pendingSingles.push(chunk)
        return
      }
    }

    // "M.V. Gopinathan", "K. Sasidharan Pillai": initials, then one or two surname-like words, are a person.
    const isInitials = (t: Token) =>
      /^(?:\p{Lu}\.){2,3}$/u.test(t.core) || (/^\p{Lu}$/u.test(t.core) && unit.text[t.end] === '.')
    let lead = 0
    while (lead < tokens.length - 1 && isInitials(tokens[lead]!)) lead++
    const surname = tokens.slice(lead)
    if (
      lead >= 1 &&
      surname.length <= 2 &&
      surname.every(
        (t) =>
          /^\p{Lu}\p{Ll}/u.test(t.core) &&
          !isOrgHead(t.core, 'only') &&
          !isRoleHead(t.core) &&
          !isCommonWord(t.core) &&
          !g.placeByName.has(gazetteerKey(t.core)),
      )
    ) {
      note(chunk, {type: 'person', name: text, tokens, strong: true})
      return
    }

    // "envoy to Ukraine Kurt Volker": a place, then a person's name starting with a given name.
    const givenAt = tokens.findIndex(
      (t, i) => i > 0 && isFirstName(t.core) && tokens.length - i >= 2 && tokens.length - i <= 3,
    )
    if (givenAt > 0 && !original.sentenceInitial) {
      const placePart = tokens.slice(0, givenAt)
      const pk = gazetteerKey(spanText(unit, placePart))
      if (g.placeByName.has(pk) || g.citiesByName.has(pk)) {
        classify({...chunk, tokens: placePart}, {...original, tokens: placePart})
        const name = tokens.slice(givenAt)
        note(
          {...chunk, tokens: name},
          {type: 'person', name: spanText(unit, name), tokens: name, strong: true},
        )
        return
      }
    }

    // People: a given name, or two or three unknown capitalized words in a person-like context.
    if (
      tokens.length >= 2 &&
      tokens.length <= 4 &&
      tokens.every((t) => t.cap || PARTICLES.has(t.core.toLowerCase()))
    ) {
      const givenName =
        isFirstName(tokens[0]!.core) && !g.placeByName.has(gazetteerKey(tokens[0]!.core))
      const known = (t: Token) =>
        (!givenName && g.placeByName.has(gazetteerKey(t.core))) ||
        g.countryByDemonym.has(gazetteerKey(t.core)) ||
        isOrgHead(t.core, 'only') ||
        /^(?:\p{Lu}\.?){2,}$/u.test(t.core)
      if (!tokens.some(known)) {
        const afterText = unit.text.slice(tokens.at(-1)!.end)
        const personContext =
          ATTRIBUTION_NEXT.test(afterText) ||
          isRoleHead(before) ||
          /\b(?:by|with|and|named|called)$/.test(before)
        const nameLike = tokens.every(
          (t) => !isCommonWord(t.core) || isFirstName(t.core) || isLastNameWord(t.core),
        )
        if (
          isFirstName(tokens[0]!.core) ||
          isLastNameWord(tokens.at(-1)!.core) ||
          hasSurnameShape(tokens.at(-1)!.core) ||
          (personContext && nameLike) ||
          (nameLike && surnameAloneElsewhere(tokens, chunk)) ||
          (tokens.length === 2 && !chunk.sentenceInitial && familyNames.has(tokens[1]!.core))
        ) {
          const role = isFirstOfRun ? lowercaseRoleBefore(unit.text, tokens[0]!.start) : undefined
          note(chunk, {
            type: 'person',
            name: text,
            tokens,
            role,
            strong: isFirstName(tokens[0]!.core) || personContext,
          })
          return
        }
      }
    }

    if (tokens.length === 1) {
      pendingSingles.push(chunk)
      return
    }
    // An unknown multi-word run: look inside it for places ("US Middle East envoy").
    subScanPlaces(chunk)
  }

  function subScanPlaces(chunk: Chunk) {
    const tokens = chunk.tokens
    const unit = units[chunk.unit]!
    let i = 0
    const hits: {from: number; to: number; place: GazetteerPlace}[] = []
    while (i < tokens.length) {
      let matched = false
      for (let j = Math.min(tokens.length, i + 4); j > i; j--) {
        const k = gazetteerKey(spanText(unit, tokens.slice(i, j)))
        const p = g.placeByName.get(k) ?? (j === i + 1 ? g.countryByDemonym.get(k) : undefined)
        if (p && !p.ambiguous) {
          hits.push({from: i, to: j, place: p})
          i = j
          matched = true
          break
        }
      }
      if (!matched) i++
    }
    // Only when what is left is ordinary words: "Paris Saint-Germain" is a club, not Paris.
    const covered = new Set(
      hits.flatMap((h) => Array.from({length: h.to - h.from}, (_, x) => h.from + x)),
    )
    const leftover = tokens.filter((t, x) => !covered.has(x) && t.cap)
    if (
      leftover.some((t) => !isCommonWord(t.core) && !isRoleHead(t.core) && !isRoleModifier(t.core))
    )
      return
    for (const h of hits) {
      const ts = tokens.slice(h.from, h.to)
      note(
        {...chunk, tokens: ts},
        {type: 'place', name: h.place.name, tokens: ts, place: h.place, strong: true},
      )
    }
  }

  /**
   * A place the gazetteers do not list, named by its generic term (data/lexicon/place-features.en.json):
   * "Napa County", "Qinghai-Tibet Plateau", "Mount Kenya", "Sierra Nevada", or a compass word before a
   * known place ("Southern California", "East Jerusalem").
   */
  function placeByFeature(unit: TextUnit, tokens: Token[]): GazetteerPlace | undefined {
    const text = spanText(unit, tokens)
    const known = (ts: Token[]) =>
      g.placeByName.get(gazetteerKey(spanText(unit, ts))) ??
      g.citiesByName.get(gazetteerKey(spanText(unit, ts)))?.[0]
    const made = (within?: GazetteerPlace): GazetteerPlace => ({
      name: text,
      kind: 'region',
      aliases: [],
      demonyms: [],
      countryCode: within?.countryCode ?? within?.isoCode,
    })
    // "Eastern Michigan quarterback …": before a role noun the name is a team or school, not a region.
    const next = unit.text.slice(tokens.at(-1)!.end).match(/^\s+([a-z]+)/)?.[1]
    if (
      PLACE_FEATURES.compass.has(tokens[0]!.core) &&
      tokens.length <= 4 &&
      !(next && isRoleHead(next))
    ) {
      const base = known(tokens.slice(1))
      if (base) return made(base)
    }
    const nameOnly = (ts: Token[]) =>
      ts.length >= 1 &&
      ts.length <= 3 &&
      ts.every(
        (t) =>
          t.cap && !isOrgHead(t.core, 'only') && !isRoleHead(t.core) && !isFunctionWord(t.core),
      )
    for (const head of PLACE_FEATURES.heads) {
      if (head.length >= tokens.length) continue
      if (
        tokens.slice(-head.length).every((t, i) => t.core === head[i]) &&
        nameOnly(tokens.slice(0, -head.length))
      )
        return made(known(tokens.slice(0, -head.length)))
    }
    for (const lead of PLACE_FEATURES.leads) {
      if (
        lead.length >= tokens.length ||
        !tokens.slice(0, lead.length).every((t, i) => t.core === lead[i])
      )
        continue
      const rest = tokens.slice(lead.length)
      // "Sierra" is also a given name: "Sierra Nevada" is a range, "Sierra Lopez" a person.
      if (
        isFirstName(lead[0]!)
          ? g.placeByName.has(gazetteerKey(spanText(unit, rest)))
          : nameOnly(rest)
      )
        return made(known(rest))
    }
    return undefined
  }

  /**
   * Copy often lowercases the generic term: "the Qinghai-Tibet plateau", "annexed east Jerusalem". A
   * lowercase compass word right before a known place, or a lowercase head right after a name, is part of
   * the place's name (written capitalized, as gazetteers do).
   */
  function lowercaseFeature(
    unit: TextUnit,
    chunk: Chunk,
  ): {tokens: Token[]; place: GazetteerPlace} | undefined {
    const tokens = chunk.tokens
    const at = chunk.all.indexOf(tokens[0]!)
    const prev = chunk.all[at - 1]
    const next = chunk.all[chunk.all.indexOf(tokens.at(-1)!) + 1]
    const title = (w: string) => w[0]!.toUpperCase() + w.slice(1)
    const adjacent = (a: Token, b: Token) => /^\s+$/.test(unit.text.slice(a.end, b.start))
    // Only the bare directions: "east Jerusalem" is a name, "central Kerala" a description.
    if (
      prev &&
      !prev.cap &&
      /^(?:east|west|north|south)$/.test(prev.core) &&
      adjacent(prev, tokens[0]!)
    ) {
      const base =
        g.placeByName.get(gazetteerKey(spanText(unit, tokens))) ??
        g.citiesByName.get(gazetteerKey(spanText(unit, tokens)))?.[0]
      if (base && base.kind !== 'country') {
        return {
          tokens: [prev, ...tokens],
          place: {
            name: `${title(prev.core)} ${base.name}`,
            kind: 'region',
            aliases: [],
            demonyms: [],
            countryCode: base.countryCode,
          },
        }
      }
    }
    if (
      next &&
      !next.cap &&
      PLACE_FEATURES.lowercaseHeads.has(next.core) &&
      adjacent(tokens.at(-1)!, next)
    ) {
      const name = spanText(unit, tokens)
      const nation =
        g.countryByDemonym.has(gazetteerKey(name)) ||
        g.placeByName.get(gazetteerKey(name))?.kind === 'country'
      if (
        !nation &&
        tokens.length <= 3 &&
        tokens.every((t) => t.cap && !isOrgHead(t.core, 'only') && !isRoleHead(t.core))
      ) {
        return {
          tokens: [...tokens, next],
          place: {
            name: `${name} ${title(next.core)}`,
            kind: 'region',
            aliases: [],
            demonyms: [],
            countryCode: undefined,
          },
        }
      }
    }
    return undefined
  }

  /** "Ventura and Los Angeles counties": names coordinated before a plural generic term are each one of them. */
  function pluralFeature(unit: TextUnit, tokens: Token[]): GazetteerPlace | undefined {
    // The plural closes the coordination: skip the names after this one (", Kern and Orange counties").
    const after = unit.text
      .slice(tokens.at(-1)!.end)
      .match(
        /^((?:,?\s+(?:and|or)?\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)*)\s+(\p{Ll}+)\b/u,
      )
    const head = after && PLACE_FEATURES.plurals.get(after[2]!)
    const coordinated =
      after &&
      (after[1] !== '' ||
        /\b(?:and|or)\s+$/.test(
          unit.text.slice(Math.max(0, tokens[0]!.start - 12), tokens[0]!.start),
        ) ||
        /,\s*$/.test(unit.text.slice(0, tokens[0]!.start)))
    if (!head || !coordinated) return undefined
    const text = spanText(unit, tokens)
    const known =
      g.placeByName.get(gazetteerKey(text)) ?? g.citiesByName.get(gazetteerKey(text))?.[0]
    return {
      name: `${text} ${head}`,
      kind: 'region',
      aliases: [],
      demonyms: [],
      countryCode: known?.countryCode ?? known?.isoCode,
    }
  }

  function isRegionAfter(after: string): boolean {
    const m = after.match(/^,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)/)
    if (!m) return false
    const k = gazetteerKey(m[1]!)
    return /^[A-Z]{2}$/.test(m[1]!) || g.placeByName.has(k)
  }

  // "Eyamba Sowers … said Sowers": a run of unknown name-like words whose last word the story later
  // uses on its own is a person met again by surname (organizations are shortened by their lead word).
  function surnameAloneElsewhere(tokens: Token[], chunk: Chunk): boolean {
    const last = tokens.at(-1)!.core
    // Every part of a name is capitalized: "Eva-Marie", not "Australian-born".
    if (
      tokens.length > 3 ||
      isOrgHead(last, 'last') ||
      !tokens.every((t) => /^\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*$/u.test(t.core))
    )
      return false
    // Alone, or after a sentence-opening common word ("When Patrick walked in").
    const alone = (c: Chunk) =>
      (c.tokens.length === 1 && !(c.sentenceInitial && commonHere(last))) ||
      (c.tokens.length === 2 && c.sentenceInitial && commonHere(c.tokens[0]!.core))
    return all.some((c) => c !== chunk && c.tokens.at(-1)!.core === last && alone(c))
  }

  // People first, so single words can be matched to their surnames.
  const people = new Map<string, Entity>()
  const mentionSeen = new Set<string>()
  const addMention = (entity: Entity, chunk: Chunk, tokens: Token[]) => {
    const unit = units[chunk.unit]!
    const mention: Mention = {
      unit: chunk.unit,
      start: tokens[0]!.start,
      end: tokens.at(-1)!.end,
      text: spanText(unit, tokens),
    }
    const at = `${entity.key}@${mention.unit}:${mention.start}`
    if (mentionSeen.has(at)) return
    mentionSeen.add(at)
    entity.mentions.push(mention)
    entity.aliases.add(mention.text)
  }
  const newEntity = (type: EntityType, name: string, extra: Partial<Entity> = {}): Entity =>
    index.add({
      key: keyOf(type, name),
      type,
      name,
      aliases: new Set(),
      mentions: [],
      roles: [],
      ...extra,
    })

  // Full names: longest first, so "Ali Khamenei" exists before a bare "Khamenei" looks for it.
  const personFinds = found
    .filter((f) => f.cand.type === 'person')
    .sort((a, b) => b.cand.tokens.length - a.cand.tokens.length)
  for (const {chunk, cand} of personFinds) {
    const surname = cand.tokens.at(-1)!.core
    let person = cand.tokens.length === 1 ? findBySurname(surname) : findByFullName(cand.name)
    if (!person) {
      person = newEntity('person', cand.name)
      people.set(person.key, person)
    }
    if (cand.tokens.length > person.name.split(' ').length) {
      // A longer form of a name seen first by its surname.
      person.name = cand.name
    }
    addMention(person, chunk, cand.tokens)
    if (cand.role && !person.roles.some((r) => r.title === cand.role))
      person.roles.push({
        title: cand.role,
        ...(cand.roleOrg ? {organizationKey: cand.roleOrg} : {}),
      })
    if (cand.nationality && !person.nationalityKey)
      person.nationalityKey = placeEntity(cand.nationality).key
  }
  function findByFullName(name: string): Entity | undefined {
    const k = keyOf('person', name)
    if (people.has(k)) return people.get(k)
    const parts = name.split(/\s+/)
    // "Ali Khamenei" and "Khamenei": a surname-only person takes the full name.
    for (const p of people.values()) {
      const pp = p.name.split(/\s+/)
      if (pp.length === 1 && pp[0] === parts.at(-1)) return p
      if (
        pp.at(-1) === parts.at(-1) &&
        (pp[0] === parts[0] || pp.length > 2 || parts.length > 2) &&
        pp.some((x) => parts.includes(x) && x !== parts.at(-1))
      )
        return p
    }
    return undefined
  }
  function findBySurname(word: string): Entity | undefined {
    const matches = [...people.values()].filter((p) => {
      const pp = p.name.split(/\s+/)
      return pp.at(-1) === word || (pp.length > 1 && pp[0] === word && false)
    })
    return matches[0]
  }

  // Organizations.
  for (const {chunk, cand} of found.filter((f) => f.cand.type === 'organization')) {
    const org = newEntity('organization', cand.name, {orgKind: cand.orgKind ?? 'other'})
    if (cand.org?.countryCode && !org.countryKey)
      org.countryKey = keyOf(
        'place',
        g.countryByCode.get(cand.org.countryCode)?.name ?? cand.org.countryCode,
      )
    addMention(org, chunk, cand.tokens)
  }
  // Places.
  for (const {chunk, cand} of found.filter((f) => f.cand.type === 'place')) {
    // "in March 2024": a month or weekday alone is a date, even where a town shares the name.
    if (cand.tokens.length === 1 && isCalendarWord(cand.tokens[0]!.core)) continue
    // "Jordan" after "Michael Jordan" is the man, not the country.
    const person =
      cand.tokens.length === 1 && cand.place!.kind !== 'country'
        ? findBySurname(cand.tokens[0]!.core)
        : cand.tokens.length === 1
          ? findBySurnameStrict(cand.tokens[0]!.core)
          : undefined
    if (person) addMention(person, chunk, cand.tokens)
    else addMention(placeEntity(cand.place!), chunk, cand.tokens)
  }
  /** A surname that is also a country is the person only when it is never used as the country's name alone. */
  function findBySurnameStrict(word: string): Entity | undefined {
    const p = findBySurname(word)
    return p && p.name.split(/\s+/).length > 1 ? p : undefined
  }
  function placeEntity(p: GazetteerPlace): Entity {
    return newEntity('place', p.name, {place: p})
  }

  /** The organization listed next to a word ("A, B and C"), if any. */
  function orgListNeighbour(chunk: Chunk, t: Token): Entity | undefined {
    const unit = units[chunk.unit]!
    const mentions = [...entities.values()]
      .filter((e) => e.type === 'organization')
      .flatMap((e) => e.mentions.filter((m) => m.unit === chunk.unit).map((m) => ({m, e})))
    for (const {m, e} of mentions) {
      const between =
        m.end <= t.start
          ? unit.text.slice(m.end, t.start)
          : t.end <= m.start
            ? unit.text.slice(t.end, m.start)
            : '!'
      if (
        /^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|,\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*,?\s+(?:and|or)\s+)$/.test(
          between,
        )
      )
        return e
    }
    return undefined
  }
  /** "Li" for "Li Jifeng": a family name written first, when it is nobody's given name or surname. */
  function findByFamilyNameFirst(word: string): Entity | undefined {
    if (isFirstName(word) || isCommonWord(word)) return undefined
    const matches = [...people.values()].filter(
      (p) => p.name.split(/\s+/).length === 2 && p.name.split(/\s+/)[0] === word,
    )
    return matches.length === 1 ? matches[0] : undefined
  }
  const initialsOf = (name: string) => {
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))
    const from =
      words.length > 1 &&
      (g.countryByDemonym.has(gazetteerKey(words[0]!)) ||
        g.placeByName.get(gazetteerKey(words[0]!))?.kind === 'country')
        ? 1
        : 0
    return words
      .slice(from)
      .map((w) => w[0])
      .join('')
  }
  const singleCounts = new Map<string, number>()
  for (const c of pendingSingles)
    singleCounts.set(c.tokens[0]!.core, (singleCounts.get(c.tokens[0]!.core) ?? 0) + 1)
  // Single capitalized words: a known person's surname, an organization's short name, a place met again.
  for (const chunk of pendingSingles) {
    const t = chunk.tokens[0]!
    const person = findBySurname(t.core) ?? findByFamilyNameFirst(t.core)
    if (person) {
      addMention(person, chunk, [t])
      continue
    }
    const party = partyOf(t.core)
    if (party) {
      addMention(newEntity('organization', party.name, {orgKind: party.kind}), chunk, [t])
      continue
    }
    // "the West", "the Global South": a compass word standing alone after "the" names a geopolitical region.
    if (chunk.before === 'the' && /^(?:West|East|North|South)$/.test(t.core)) {
      addMention(
        newEntity('place', `the ${t.core}`, {
          place: {name: `the ${t.core}`, kind: 'region', aliases: [], demonyms: []},
        }),
        chunk,
        [t],
      )
      continue
    }
    // A day or month alone ("sued the firm Tuesday, accusing …") is a date, never a new entity; it may still be a surname (above).
    if (isCalendarWord(t.core)) continue
    const k = gazetteerKey(t.core)
    const org = [...entities.values()].find(
      (e) =>
        e.type === 'organization' &&
        (e.name.split(/\s+/).at(-1) === t.core && e.name.split(/\s+/).length === 2
          ? false
          : e.aliases.has(t.core)),
    )
    if (org) {
      addMention(org, chunk, [t])
      continue
    }
    // (An acronym in brackets right after the name is the bracket rule's, below.)
    const bracketed = /(?:\(|,\s+or)\s*$/.test(units[chunk.unit]!.text.slice(0, t.start))
    const expanded =
      /^\p{Lu}{3,6}$/u.test(t.core) && !bracketed
        ? [...entities.values()].filter(
            (e) =>
              e.type === 'organization' &&
              e.name.includes(' ') &&
              initialsOf(e.name).startsWith(t.core),
          )
        : []
    if (expanded.length === 1) {
      expanded[0]!.aliases.add(t.core)
      addMention(expanded[0]!, chunk, [t])
      continue
    }
    // "competes with Palo Alto Networks, CrowdStrike and Fortinet": listed with organizations, an organization.
    const listed = orgListNeighbour(chunk, t)
    if (listed && !isFirstName(t.core) && !commonHere(t.core) && !g.citiesByName.has(k)) {
      addMention(newEntity('organization', t.core, {orgKind: listed.orgKind ?? 'other'}), chunk, [
        t,
      ])
      continue
    }
    // An unknown single name that speaks ("Benfica confirmed …") and is nobody's surname is an organization.
    const unit = units[chunk.unit]!
    // "Corvia" for "Corvia Systems": an organization's first word stands for it.
    const adjectival =
      /Demonym|Adjective/.test(String(lexTags(t.core) ?? '')) || g.countryByDemonym.has(k)
    const byFirstWord =
      !adjectival &&
      [...entities.values()].find(
        (e) =>
          e.type === 'organization' &&
          e.name.split(/\s+/).length >= 2 &&
          e.name.split(/\s+/)[0] === t.core &&
          isOrgHead(e.name.split(/\s+/).at(-1)!, 'last'),
      )
    if (byFirstWord) {
      addMention(byFirstWord, chunk, [t])
      continue
    }
    if (
      SPEAKS.test(unit.text.slice(t.end, t.end + 40)) &&
      (!chunk.sentenceInitial || midCapitalized.has(t.core.toLowerCase())) &&
      !isFirstName(t.core) &&
      !commonHere(t.core) &&
      (g.citiesByName.get(k)?.[0]?.population ?? 0) < 1_000_000
    ) {
      const org = newEntity('organization', t.core, {orgKind: 'other'})
      addMention(org, chunk, [t])
      continue
    }
    const cities = g.citiesByName.get(k)
    const place = [...entities.values()].find(
      (e) =>
        e.type === 'place' &&
        (gazetteerKey(e.name) === k || [...e.aliases].some((a) => gazetteerKey(a) === k)),
    )
    if (place) {
      addMention(place, chunk, [t])
      continue
    }
    // A city named twice or more in running text, not as anyone's name, is a place in the story.
    if (
      cities?.length &&
      (cities[0]!.population ?? 0) >= 100_000 &&
      !isFirstName(t.core) &&
      !isCommonWord(t.core)
    ) {
      const repeats = singleCounts.get(t.core) ?? 0
      if (repeats >= 2) {
        const city =
          cities.find((c) => c.countryCode && countryMentioned.has(c.countryCode)) ?? cities[0]!
        addMention(placeEntity(city), chunk, [t])
      }
    }
  }

  // "Corvia" and "Corvia Systems": a one-word organization that opens a longer one's name is that one.
  for (const short of [...entities.values()].filter(
    (x) => x.type === 'organization' && !x.name.includes(' '),
  )) {
    const long = [...entities.values()].find(
      (x) =>
        x.type === 'organization' &&
        x.name.startsWith(`${short.name} `) &&
        isOrgHead(x.name.split(/\s+/).at(-1)!, 'last'),
    )
    if (!long) continue
    for (const m of short.mentions) long.mentions.push(m)
    for (const a of short.aliases) long.aliases.add(a)
    entities.delete(short.key)
  }
  // Organization mentions by a shorter form ("Crisis Group" for "International Crisis Group").
  for (const e of [...entities.values()].filter((x) => x.type === 'organization')) {
    for (const other of [...entities.values()].filter(
      (x) => x.type === 'organization' && x !== e,
    )) {
      if (
        other.name.length > e.name.length &&
        other.name.endsWith(' ' + e.name) &&
        e.name.split(' ').length >= 2 &&
        entities.has(e.key)
      ) {
        for (const m of e.mentions) other.mentions.push(m)
        for (const a of e.aliases) other.aliases.add(a)
        entities.delete(e.key)
      }
    }
  }
  // "CDC" and "Chinese CDC" for "Chinese Center for Disease Control and Prevention": an acronym of the
  // name's leading capitalized words (after a nationality) is that organization.
  for (const short of [...entities.values()].filter((x) => x.type === 'organization')) {
    const acronym = short.name.replace(/^\S+\s+(?=\p{Lu}{2,}$)/u, '')
    if (
      !/^\p{Lu}{3,6}$/u.test(acronym) ||
      (acronym !== short.name && !g.countryByDemonym.has(gazetteerKey(short.name.split(/\s+/)[0]!)))
    )
      continue
    const longs = [...entities.values()].filter(
      (x) =>
        x.type === 'organization' &&
        x !== short &&
        x.name.includes(' ') &&
        initialsOf(x.name).startsWith(acronym),
    )
    if (longs.length !== 1) continue
    for (const m of short.mentions) longs[0]!.mentions.push(m)
    for (const a of short.aliases) longs[0]!.aliases.add(a)
    longs[0]!.aliases.add(acronym)
    entities.delete(short.key)
  }
  // "the Election Commission of India (ECI)": an acronym in brackets after an organization's name is its short name.
  for (const org of [...entities.values()].filter((x) => x.type === 'organization')) {
    for (const m of [...org.mentions]) {
      // … or set off by "or": "the Authority for Coastal Research, or ACR,".
      const acronym = units[m.unit]!.text.slice(m.end)
        .match(/^(?:\s*\((\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\)|,\s+or\s+(\p{Lu}{2,9})\b)/u)
        ?.slice(1)
        .find(Boolean)
      if (!acronym || acronym === org.name) continue
      org.aliases.add(acronym)
      const twin = [...entities.values()].find(
        (x) => x !== org && x.type === 'organization' && x.name === acronym,
      )
      if (!twin) continue
      for (const tm of twin.mentions) org.mentions.push(tm)
      for (const a of twin.aliases) org.aliases.add(a)
      entities.delete(twin.key)
    }
  }

  // Roles stated after a name: "Gregory Brew, an analyst at Eurasia Group", "Ali Vaez of the International Crisis Group".
  for (const person of [...entities.values()].filter((e) => e.type === 'person')) {
    for (const m of person.mentions) {
      const unit = units[m.unit]!
      const after = unit.text.slice(m.end)
      const appos = after.match(
        /^,\s+(?:(?:a|an|the)\s+)?((?:[a-z][a-z-]+\s+){0,4}?[a-z][a-z-]+)\s+(?:at|of|with|for|from)\s+(?:the\s+)?([A-Z][\w&.'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w&.'-]*))*)/,
      )
      const ofOrg = after.match(
        /^\s+(?:of|from|at|with)\s+(?:the\s+)?([A-Z][\w&.'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w&.'-]*))*)/,
      )
      const plain = after.match(/^,\s+(?:a|an|the)\s+((?:[a-z][a-z-]+\s+){0,3}[a-z][a-z-]+)\s*[,.]/)
      const orgFor = (name: string) =>
        [...entities.values()].find(
          (e) =>
            e.type === 'organization' &&
            (name.startsWith(e.name) || [...e.aliases].some((a) => name.startsWith(a))),
        )
      if (appos && appos[1] && isRoleHead(appos[1].split(' ').at(-1)!)) {
        const org =
          orgFor(appos[2]!) ??
          organizationFromApposition(appos[2]!, m.unit, unit.text.indexOf(appos[2]!, m.end))
        addRole(person, {title: appos[1], organizationKey: org?.key})
      } else if (ofOrg) {
        const org = orgFor(ofOrg[1]!)
        if (org) addRole(person, {organizationKey: org.key})
      } else if (plain && isRoleHead(plain[1]!.split(' ').at(-1)!)) {
        addRole(person, {title: plain[1]})
      }
      // "the SFO's director of case operations, Joanna Pritchard"
      const beforeText = unit.text.slice(Math.max(0, m.start - 120), m.start)
      const possessive =
        /'s\s[^,]*,?\s+$/.test(beforeText) &&
        beforeText.match(
          /([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)'s\s+((?:[a-z][a-z-]+\s+){0,5}?[a-z][a-z-]+),?\s+$/,
        )
      if (possessive && isRoleHead(possessive[2]!.split(' ')[0]!)) {
        const org = orgFor(possessive[1]!)
        addRole(person, {title: possessive[2], organizationKey: org?.key})
      }
    }
  }
  /** "an economist at Itau BBA": the capitalized name after a role is an organization (not a place or person). */
  function organizationFromApposition(
    phrase: string,
    unitIndex: number,
    start: number,
  ): Entity | undefined {
    const name = phrase
      .replace(/\s+(?:in|of|on|for|and|the)(?:\s.*)?$/, '')
      .replace(/[,.;:]+$/, '')
      .trim()
    if (!name || start < 0 || name.split(/\s+/).every(isCalendarWord)) return undefined
    const k = gazetteerKey(name)
    if (g.placeByName.has(k) || g.citiesByName.has(k) || g.countryByDemonym.has(k)) return undefined
    if (
      [...entities.values()].some(
        (e) => e.type !== 'organization' && (e.name === name || e.aliases.has(name)),
      )
    )
      return undefined
    if (name.split(/\s+/).length > 6) return undefined
    const org = newEntity('organization', name, {orgKind: orgKindOf(name)})
    const mention: Mention = {unit: unitIndex, start, end: start + name.length, text: name}
    org.mentions.push(mention)
    org.aliases.add(name)
    return org
  }
  function addRole(person: Entity, role: Role) {
    const same = person.roles.find(
      (r) =>
        (role.title && r.title === role.title) ||
        (!r.organizationKey && role.organizationKey && (!role.title || !r.title)),
    )
    if (same) {
      same.organizationKey ??= role.organizationKey
      same.title ??= role.title
    } else person.roles.push(role)
  }

  // Mentions in text order per unit, longest first where they overlap.
  for (const e of entities.values()) {
    for (const mention of e.mentions) {
      const list = mentionsByUnit.get(mention.unit) ?? []
      list.push({mention, key: e.key})
      mentionsByUnit.set(mention.unit, list)
    }
  }
  for (const list of mentionsByUnit.values()) {
    list.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end)
    for (let i = 1; i < list.length; i++)
      if (list[i]!.mention.start < list[i - 1]!.mention.end) list.splice(i--, 1)
  }
  // An entity mentioned only in the headline or dek still belongs to the article; one with no mentions does not.
  for (const [k, e] of entities) if (!e.mentions.length) entities.delete(k)
  return index
}

const DESCRIPTOR_KIND: Record<string, OrganizationKind> = {
  'service': 'agency',
  'agency': 'agency',
  'regulator': 'agency',
  'watchdog': 'agency',
  'authority': 'agency',
  'ministry': 'government',
  'department': 'government',
  'company': 'company',
  'firm': 'company',
  'group': 'company',
  'consultancy': 'company',
  'bank': 'company',
  'lender': 'company',
  'insurer': 'company',
  'retailer': 'company',
  'carrier': 'company',
  'airline': 'company',
  'manufacturer': 'company',
  'maker': 'company',
  'startup': 'company',
  'start-up': 'company',
  'platform': 'company',
  'developer': 'company',
  'broker': 'company',
  'brokerage': 'company',
  'fund': 'company',
  'club': 'company',
  'side': 'company',
  'team': 'company',
  'newspaper': 'media',
  'broadcaster': 'media',
  'channel': 'media',
  'magazine': 'media',
  'outlet': 'media',
  'agency_news': 'media',
  'website': 'media',
  'daily': 'media',
  'tabloid': 'media',
  'journal': 'media',
  'network': 'media',
  'party': 'party',
  'union': 'ngo',
  'charity': 'ngo',
  'organisation': 'ngo',
  'organization': 'ngo',
  'foundation': 'ngo',
  'nonprofit': 'ngo',
  'association': 'ngo',
  'think tank': 'thinktank',
  'think-tank': 'thinktank',
  'institute': 'thinktank',
  'militia': 'armed_group',
  'faction': 'armed_group',
}
const DESCRIPTOR_RE = new RegExp(
  `\\b(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:[a-z][a-z-]+\\s+){0,3}?|[A-Z][a-z]+(?:an|ese|ish|i)\\s+)(${Object.keys(DESCRIPTOR_KIND).join('|').replace('agency_news|', '')}),?\\s+([A-Z][\\w&'.-]*(?:\\s+(?:[A-Z][\\w&'.-]*|of|the|and|&)){0,5})`,
  'g',
)
/** Organizations a text introduces by a common noun: "the electoral service Servel", "Portuguese newspaper Record". */
function findIntroducedOrganizations(
  units: TextUnit[],
): Map<string, {name: string; kind: OrganizationKind}> {
  const out = new Map<string, {name: string; kind: OrganizationKind}>()
  const g = gazetteer()
  for (const unit of units) {
    for (const m of unit.text.matchAll(DESCRIPTOR_RE)) {
      const name = m[2]!
        .replace(/[.,;:]+$/, '')
        .replace(/(?:\s+(?:of|the|and|&))+$/, '')
        .replace(/'s$/, '')
      const k = gazetteerKey(name)
      const firstWord = name.split(/\s+/)[0]!
      // "sued the firm Tuesday": a day after the noun is when, not who.
      if (
        g.placeByName.has(k) ||
        g.countryByDemonym.has(k) ||
        isFirstName(firstWord) ||
        isRoleHead(firstWord) ||
        isCalendarWord(firstWord)
      )
        continue
      if (!out.has(k)) out.set(k, {name, kind: DESCRIPTOR_KIND[m[1]!.toLowerCase()] ?? 'other'})
    }
    // "Hurtado's Patria Nueva party", "according to LSEG data", "Corvia shares", "Southern Water's chief executive":
    // the noun after the name says what it is.
    for (const m of [
      ...unit.text.matchAll(REVERSE_DESCRIPTOR_RE),
      ...unit.text.matchAll(POSSESSIVE_ORG_RE),
    ]) {
      const name = m[1]!.replace(/^(?:The|A|An)\s+/, '')
      const k = gazetteerKey(name)
      const words = name.split(/\s+/)
      if (unit.sentenceStarts.has(m.index!) && isCommonWord(words[0]!)) continue
      if (
        g.placeByName.has(k) ||
        g.countryByDemonym.has(k) ||
        g.citiesByName.has(k) ||
        isFirstName(words[0]!) ||
        isRoleHead(words.at(-1)!) ||
        isCommonWord(name) ||
        isLastNameWord(name)
      )
        continue
      // Somebody's surname ("a Biden spokesperson") is a person, not an organization.
      if (
        units.some(
          (u) =>
            new RegExp(`\\b[A-Z][a-z]+ ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(
              u.text.replace(new RegExp(`(?:the|The|a|A|an|An) ${name}`, 'g'), ''),
            ) && words.length === 1,
        )
      )
        continue
      const noun = (m[2] ?? 'company').toLowerCase()
      if (!out.has(k))
        out.set(k, {
          name,
          kind: /party|coalition|alliance|bloc|movement/.test(noun) ? 'party' : 'company',
        })
    }
  }
  return out
}
const POSSESSIVE_ORG_RE =
  /\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})'s\s+(?:[a-z-]+\s+){0,2}(?:chief executive|chief|executive|spokesperson|spokesman|spokeswoman|chairman|chairwoman|board|shares|shareholders|customers|employees|staff|headquarters|ceo|founder)\b/g
const REVERSE_DESCRIPTOR_RE =
  /\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(party|coalition|alliance|bloc|data|figures|shares|stock|spokesperson|spokesman|spokeswoman)\b/g

/** Lowercase role words right before a name: "leftist former mayor Valentina Rojas" → "former mayor". */
function lowercaseRoleBefore(text: string, start: number): string | undefined {
  const words =
    text
      .slice(Math.max(0, start - 80), start)
      .match(/((?:[a-z][a-z-]*\s+){1,4})$/)?.[1]
      ?.trim()
      .split(/\s+/) ?? []
  if (!words.length || !isRoleHead(words.at(-1)!)) return undefined
  let from = words.length - 1
  while (from > 0 && (isRoleModifier(words[from - 1]!) || isRoleHead(words[from - 1]!))) from--
  return words.slice(from).join(' ')
}

function orgKindOf(name: string): OrganizationKind {
  const n = name.toLowerCase()
  if (
    /\b(?:ministry|department|government|cabinet|council|parliament|congress|senate|assembly|administration|office|embassy|city hall|commission|committee|court|tribunal)\b/.test(
      n,
    )
  )
    return 'government'
  if (/\b(?:agency|bureau|authority|service|police|prosecution)\b/.test(n)) return 'agency'
  if (/\b(?:army|navy|air force|forces|corps|command|guard|military)\b/.test(n)) return 'military'
  if (/\b(?:party|caucus)\b/.test(n)) return 'party'
  if (/\b(?:brigades?|front|militia|resistance|movement)\b/.test(n)) return 'armed_group'
  if (
    /\b(?:institute|institution|centre|center|crisis group|think tank|foundation|endowment)\b/.test(
      n,
    )
  )
    return 'thinktank'
  if (/\b(?:times|post|news|press|journal|herald|tribune|radio|television|tv|media)\b/.test(n))
    return 'media'
  if (
    /\b(?:university|college|school|academy|hospital|association|union|federation|society|watch|network|ngo|charity|trust)\b/.test(
      n,
    )
  )
    return 'ngo'
  if (
    /\b(?:inc|corp|corporation|company|ltd|llc|plc|group|holdings|bank|airlines|industries|energy|partners|exchange|club)\b/.test(
      n,
    )
  )
    return 'company'
  return 'other'
}

const GROUP_NOUNS =
  /^(?:children|women|men|people|peoples|veterans|workers|farmers|teachers|citizens|consumers|taxpayers|students|nurses|doctors|lawyers|traders|writers|artists|journalists|employers|pensioners)$/i
/** Whether a possessive word continues an organization's name: a role or group noun before an organization head. */
function possessiveInName(word: string, next: {core: string; cap: boolean}): boolean {
  return next.cap && isOrgHead(next.core, 'only') && (isRoleHead(word) || GROUP_NOUNS.test(word))
}
