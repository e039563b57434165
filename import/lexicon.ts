// Word knowledge for the entity stage: compromise's lexicon (first names, role nouns, common words,
// organization head words), plus the titles and role words news writing uses that it lacks.
// compromise's full tagger costs about 100 ms an article; a lexicon lookup costs nothing, so only the
// lexicon is used and the tagging rules live in entities.ts.
import nlp from 'compromise'

type Tags = string | string[] | undefined

const model = nlp.model() as unknown as {
  one: {lexicon: Record<string, Tags>}
  two: {orgWords: Record<string, unknown>}
}
const lexicon = model.one.lexicon

const has = (tags: Tags, tag: string) => (Array.isArray(tags) ? tags.includes(tag) : tags === tag)

export function lexTags(word: string): Tags {
  return lexicon[word.toLowerCase()]
}

/** A given name compromise knows ("Gregory", "Renee", "Hossein"). */
export function isFirstName(word: string): boolean {
  const t = lexTags(word)
  return has(t, 'MaleName') || has(t, 'FemaleName') || has(t, 'FirstName') || has(t, 'Person')
}

export function isLastNameWord(word: string): boolean {
  return has(lexTags(word), 'LastName')
}

/** A common English word (a verb, adjective, determiner…): capitalized only because it opens a sentence. */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase()
  if (FUNCTION_WORDS.has(lower)) return true
  const t = lexTags(lower)
  if (t === undefined) return /^(?:\w+ly|\w+ing|\w+ed)$/.test(lower) && lower.length > 4
  const tags = Array.isArray(t) ? t : [t]
  return !tags.some((x) =>
    /Name|Person|Place|Country|City|Region|Organization|ProperNoun|Demonym|SportsTeam/.test(x),
  )
}

const CALENDAR_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i
/** A day or month name: capitalized, yet never a person, place or organization. */
export const isCalendarWord = (word: string) => CALENDAR_WORD.test(word)

export const isFunctionWord = (word: string) => FUNCTION_WORDS.has(word.toLowerCase())

const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those there here it its he she they we i you his her their our my your ' +
    'and but or nor so yet for if when while after before as although though because since unless until once ' +
    'in on at by of to from with without into onto over under about above below between among during despite ' +
    'however meanwhile moreover additionally furthermore nonetheless nevertheless instead also still then now ' +
    'according considering given following including amid amidst throughout across against toward towards ' +
    'some many most several few all both each every other another such no not one two three four five ' +
    'sources officials experts analysts critics residents supporters opponents prosecutors investigators ' +
    'researchers scientists doctors witnesses authorities observers diplomats lawmakers tenants landlords ' +
    'what why how who which where whether'
  ).split(' '),
)

/** Head words that end an organization's name ("Eurasia Group", "Foreign Ministry"). */
const ORG_HEADS = new Set([
  ...Object.keys(model.two.orgWords),
  ...'agency ministry department council committee commission party company corporation group institute institution foundation fund association union federation organization organisation authority office bureau court parliament assembly congress senate army navy forces force guard guards corps police brigade brigades front movement alliance coalition network center centre society board tribunal administration cabinet embassy consulate hospital university college school academy times post news press journal herald tribune exchange airlines airways industries holdings partners networks bank trust watch initiative secretariat command council consortium league federation church mosque ministries commission caucus militia service services prosecution'.split(
    ' ',
  ),
])
// Words compromise lists as organization words that are ordinary in running text.
for (const w of [
  'boys',
  'girls',
  'care',
  'data',
  'design',
  'mobile',
  'pizza',
  'coffee',
  'markets',
  'workers',
  'investors',
  'community',
  'development',
  'education',
  'management',
  'marketing',
  'power',
  'gas',
  'oil',
  'international',
  'capital',
  'financial',
  'energy',
  'marine',
  'military',
  'government',
  'estate',
  'resources',
  'radio',
  'television',
  'tv',
])
  ORG_HEADS.delete(w)
/** Words that make a name an organization only as the last word of a two-or-more-word name. */
const WEAK_ORG_HEADS = new Set([
  'district',
  'utilities',
  'united',
  'fc',
  'afc',
  'cf',
  'rovers',
  'wanderers',
  'athletic',
  'energy',
  'capital',
  'international',
  'power',
  'oil',
  'gas',
  'resources',
  'media',
  'financial',
  'marine',
  'data',
  'investments',
  'securities',
  'television',
  'radio',
  'tv',
  'systems',
  'labs',
  'motors',
  'brands',
  'entertainment',
])

export function isOrgHead(word: string, position: 'last' | 'only'): boolean {
  const lower = word.toLowerCase()
  return ORG_HEADS.has(lower) || (position === 'last' && WEAK_ORG_HEADS.has(lower))
}

/** First words that open an organization's name ("Ministry of …", "University of …"). */
export const ORG_LEADS = new Set(
  'ministry department university bank office council institute center centre organization organisation association federation union court bureau agency authority commission committee board house league church party foundation service'.split(
    ' ',
  ),
)

/**
 * Title and role head words: a name after them is a person, and they are stored as the role.
 * Capitalized before a name ("President Joe Biden") or lowercase ("analyst Jane Doe").
 */
const ROLE_HEADS = new Set(
  (
    'president president-elect vice-president premier chancellor minister secretary leader ayatollah king queen prince princess emir sheikh sultan pope ' +
    'senator sen rep representative congressman congresswoman governor gov mayor councilmember councilman councilwoman councillor councilor alderman ' +
    'general gen lt col maj capt admiral adm commander colonel major captain lieutenant sergeant sgt brigadier marshal ' +
    'chief judge justice magistrate prosecutor attorney lawyer barrister solicitor ambassador envoy diplomat consul spokesman spokeswoman spokesperson ' +
    'mr mrs ms mx dr prof professor rabbi imam cleric cardinal bishop archbishop reverend rev father sister speaker ' +
    'director chairman chairwoman chair chairperson ceo cfo coo cto founder co-founder executive manager head boss owner partner ' +
    'analyst economist strategist researcher scientist expert adviser advisor consultant official officer inspector detective agent ' +
    'reporter correspondent editor columnist author writer journalist commentator historian ' +
    'coach midfielder defender striker forward goalkeeper captain player manager winger left-back right-back ' +
    'candidate nominee activist campaigner organizer organiser student teacher doctor nurse physician surgeon epidemiologist ' +
    'resident tenant landlord farmer worker investor trader banker entrepreneur lecturer fellow member councillor deputy ' +
    'sheriff undersheriff constable coroner commissioner superintendent supervisor trustee auditor treasurer comptroller clerk dean provost warden ranger ' +
    'assemblymember assemblyman assemblywoman legislator lawmaker delegate mp mep mla'
  ).split(' '),
)
/** Words that qualify a role head ("Foreign Minister", "Deputy Mayor", "Supreme Leader"). */
const ROLE_MODIFIERS = new Set(
  (
    'foreign defense defence interior finance justice health economy economic trade energy education transport environment labor labour ' +
    'deputy vice acting interim former ex- outgoing incoming supreme prime chief senior top junior assistant associate principal general ' +
    'state national security military army navy air force intelligence district city county federal regional local provincial ' +
    'executive managing legal political policy research special first lead head opposition majority minority party council ' +
    'crown grand high attorney prosecutions communications press public affairs of the for and campaign club football ' +
    'financial operating technology technical information marketing commercial product revenue investment strategy science scientific medical ' +
    'nursing human resources compliance risk data digital creative content editorial sports news managing program programme research ' +
    'external home internal agriculture culture tourism housing industry commerce planning water petroleum mines railways aviation youth ' +
    'women social welfare veterans transportation homeland treasury budget fisheries forestry immigration cabinet parliamentary presidential'
  ).split(' '),
)
/** Honorifics are not roles: "Ayatollah Ali Khamenei" has the role his title gives, not "Ayatollah". */
export const HONORIFICS = new Set(
  'mr mrs ms mx dr prof ayatollah sheikh sir dame lord lady rev reverend hon'.split(' '),
)

export function isRoleHead(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '')
  // "Secretary-General", "Attorney-General", "Editor-in-Chief".
  if (
    lower.includes('-') &&
    !/-(?:based|backed|led|born|old)$/.test(lower) &&
    lower.split('-').some((part) => ROLE_HEADS.has(part))
  )
    return true
  if (ROLE_HEADS.has(lower)) return true
  const t = lexTags(lower)
  if (has(t, 'Actor') || has(t, 'Honorific')) return true
  // "-member", "-man", "-woman", "-person" compounds: councilmember, congressman, chairperson.
  return (
    /^[a-z]{4,}(?:member|woman|person|man)$/.test(lower) && lower !== 'human' && lower !== 'woman'
  )
}

export function isRoleModifier(word: string): boolean {
  return ROLE_MODIFIERS.has(word.toLowerCase())
}
