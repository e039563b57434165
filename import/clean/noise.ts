// Page furniture that is furniture wherever it appears: weather widgets, bylines, timestamps, captions and
// credits, share bars, sign-up boxes, copyright, breadcrumbs. Each rule is named (the name is what the
// classifier and the tests see); section headings open the blocks that are not the story. Word lists
// are data (data/lexicon/).
import {readLexicon} from '../lexicons.ts'

export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
export const WEEKDAY =
  '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?'
export const DATE_RE = new RegExp(
  `\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b`,
  'i',
)
const TIME_RE = /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT|UTC)(?:[+-]\d+)?)?\b/i

const CREDITS = readLexicon<{agencies: string[]}>('credits.en.json')
const AGENCY_ALT = CREDITS.agencies.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
/** A credit's tail: ", AP", "/Getty Images", "| Reuters", or the agency's name alone. */
const AGENCY_TAIL = new RegExp(
  `(?:^|[,/|]\\s*|\\s[-–—]\\s)(?:${AGENCY_ALT})(?:\\s+(?:photo|images?|file|via\\s+getty images))?\\)?\\s*$`,
  'i',
)
const CREDIT_TAIL = new RegExp(
  `[.!?]["')]?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){1,4}?(?:\\/|\\|)\\s*(?:${AGENCY_ALT})\\s*$`,
  'u',
)
const CAPTION_DATE =
  /,\s(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?\s\d{1,2},\s\d{4}\b/i

/** The share of a line's words of four letters or more that start with a capital (0 when it has none). */
export const capitalizedShare = (text: string) => {
  const long = text.match(/\p{L}{4,}/gu) ?? []
  return long.length ? long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length : 0
}

/** A title in headline case glued to a sentence-case blurb, or a dateline in the middle of a line after a title. */
export function isTeaserCard(line: string): boolean {
  // Three lowercase letters then a capital ("DetroitHoodline", "AthleteA 24-year-old"): brand names
  // ("AirPods", "BamTech") have fewer; the title before it is in headline case, the blurb after it is not.
  const glued = /(\p{Ll}{3,})(\p{Lu}\p{Ll}*)(?=[\s,])/u.exec(line)
  if (glued) {
    const title = line.slice(0, glued.index + glued[1]!.length)
    const blurb = line.slice(glued.index + glued[1]!.length)
    if (
      title.split(/\s+/).length >= 3 &&
      capitalizedShare(title) >= 0.75 &&
      blurb.split(/\s+/).length >= 6 &&
      capitalizedShare(blurb) < 0.5
    )
      return true
  }
  const dateline = /\s(\p{Lu}{2,}(?:[ .]\p{Lu}{2,})*):\s+\p{Lu}/u.exec(line)
  if (dateline && dateline.index > 0) {
    const title = line.slice(0, dateline.index)
    return title.split(/\s+/).length >= 4 && !/[.!?"']$/.test(title)
  }
  return false
}

export const wordsOf = (line: string) => line.split(/\s+/).filter(Boolean)

/** Scripts written without spaces between words (Han, kana, Hangul, Thai). */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu

/** Words in a line; in scripts without spaces, one word per two characters (a rough, script-fair length). */
export function wordCount(line: string): number {
  const unspaced = line.match(UNSPACED)?.length ?? 0
  if (!unspaced) return wordsOf(line).length
  return wordsOf(line.replace(UNSPACED, '')).length + Math.ceil(unspaced / 2)
}

/** Sentence-final punctuation, optionally closed by quotes or brackets, or followed by a parenthesis (a credit). */
export const endsSentence = (line: string) =>
  /[.!?。！？]["'”’)\]」』）]*$/u.test(line) || /[.!?。！？]["')\]]*\s*\(.*\)$/u.test(line)

/** A line that is prose: long enough and ending like a sentence. */
export function isBodyLike(line: string): boolean {
  const n = wordCount(line)
  return (n >= 14 && endsSentence(line)) || n >= 30
}

/** Lines that are page furniture wherever they appear. Order matters only for readability. */
const NOISE_RULES: {name: string; test: (line: string, words: number) => boolean}[] = [
  // A comment's header: who, when, "said:" ("Jane on September 17, 2018 at 8:50 pm said:"). Before the timestamp rule, which it contains.
  {
    name: 'comment-header',
    test: (l, n) =>
      n <= 16 &&
      /\b(?:said|says|wrote|commented|replied):\s*$/i.test(l) &&
      (DATE_RE.test(l) || TIME_RE.test(l) || /\bago\b/i.test(l)),
  },
  // Weather / temperature widgets: "30.1 C", "72°F", "Sunny 18°", "H: 20° L: 12°".
  {
    name: 'weather',
    test: (l, n) =>
      n <= 6 && (/^-?\d+(?:[.,]\d+)?\s*°?\s*[CF]\b\.?$/i.test(l) || /-?\d+\s*°\s*[CF]?/.test(l)),
  },
  {
    name: 'weather-word',
    test: (l, n) =>
      n <= 4 &&
      /^(?:sunny|cloudy|partly cloudy|clear|rain|showers|overcast|fog|snow|thunderstorms?|mostly (?:sunny|cloudy))$/i.test(
        l,
      ),
  },
  // Bylines and timestamps.
  {
    name: 'byline',
    test: (l, n) =>
      n <= 14 &&
      /^(?:by|written by|words by|reporting by|report by|story by|posted by|author:?)\s+\S/i.test(
        l,
      ) &&
      !endsSentence(l.replace(/\b[A-Z]\.$/, '')),
  },
  {
    name: 'credits',
    test: (l) =>
      /^\(?(?:reporting|additional reporting|writing|editing|edited|compiled|produced) by\b/i.test(
        l,
      ),
  },
  {
    name: 'contributor',
    test: (l, n) =>
      n <= 30 && /\bcontributed (?:to )?(?:this )?(?:report|reporting|story|article)\b/i.test(l),
  },
  {
    name: 'timestamp',
    test: (l, n) =>
      n <= 14 &&
      (DATE_RE.test(l) ||
        TIME_RE.test(l) ||
        /\b\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago\b/i.test(l)) &&
      !endsSentence(l),
  },
  {
    name: 'timestamp-word',
    test: (l, n) =>
      n <= 8 && /^(?:updated|published|posted|last updated|first published|modified)\b/i.test(l),
  },
  {
    name: 'date-only',
    test: (l, n) =>
      n <= 5 &&
      new RegExp(
        `^(?:${WEEKDAY},?\\s*)?(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s*\\d{4})?$`,
        'i',
      ).test(l),
  },
  {
    name: 'reading-time',
    test: (l, n) =>
      n <= 8 &&
      (/\b\d+\s*min(?:ute)?s?\s+(?:read|listen)\b/i.test(l) ||
        /^listen(?: to this (?:article|story))?\b/i.test(l)),
  },
  // Author bios and contact lines: an e-mail address or phone number in a short line.
  {
    name: 'contact',
    test: (l, n) =>
      n <= 45 &&
      (/\b[\w.+-]+@[\w-]+\.[\w.]+\b/.test(l) ||
        /\b(?:reach|contact|follow|email) (?:him|her|them|me|us|the author)\b/i.test(l)),
  },
  // Gallery captions ("Item 1 of 3 …", "[1/3] …") and licensing links.
  {
    name: 'gallery',
    test: (l) =>
      /^(?:(?:item|image|photo|picture|slide|video) \d+ of\s*\/?\s*\d+\b|\[\d+\s*\/\s*\d+\])/i.test(
        l,
      ) ||
      /\bpurchase licensing rights\b/i.test(l) ||
      /, opens new tab$/i.test(l),
  },
  // Photo captions and credits.
  {
    name: 'photo-credit',
    test: (l, n) =>
      n <= 25 &&
      /(?:\b(?:photo|photograph|image|picture|video|illustration|graphic)s?\s*(?:credit)?\s*[:/|]|\((?:photo|image|credit)[^)]*\)$|\b(?:getty images|afp via getty|ap photo|reuters\/|shutterstock|file photo|epa-efe|photo by|photographed by)\b|\/\s*(?:AFP|AP|Reuters|Getty|EPA|Bloomberg)\b)/i.test(
        l,
      ),
  },
  // A credit line alone: "Michael Conroy, AP", "Photo: Jane Doe/Getty Images", "Getty Images".
  {name: 'agency-credit', test: (l, n) => n <= 8 && AGENCY_TAIL.test(l)},
  // Wire-style captions name the weekday and the full date: "..., Tuesday, Nov. 19, 2019, in Columbia, S.C."
  {name: 'caption-date', test: (l, n) => n <= 80 && CAPTION_DATE.test(l)},
  // Captions labelled by the page: "Image caption ...", "Media captionWho is ...".
  {name: 'caption-prefix', test: (l) => /^(?:image|media|video|photo|picture) ?caption/i.test(l)},
  // Gallery controls and engagement prompts.
  {
    name: 'gallery-control',
    test: (l, n) =>
      (n <= 6 &&
        /^(?:view all|see all|show all|back to (?:gallery|top|article)|view (?:gallery|slideshow)|open gallery|start slideshow|next slide|previous slide|expand|enlarge this image|\d+\s*\/\s*\d+)\b/i.test(
          l,
        )) ||
      (n <= 2 &&
        /^(?:caption|close|open|hide caption|show caption|toggle caption|fullscreen|full screen)$/i.test(
          l,
        )),
  },
  {
    name: 'engagement',
    test: (l, n) =>
      n <= 10 &&
      /^(?:(?:did you )?(?:like|enjoy(?:ed)?|love)(?:d)? this (?:article|story|post)|was this (?:article|story) helpful|what do you think|rate this (?:article|story)|want more (?:stories|news|articles)(?: like this)?|share (?:your thoughts|this (?:article|story)) with (?:your )?friends|tell us what you think)\b.{0,20}$/i.test(
        l,
      ),
  },
  // The author's biography at the foot of a story: "Jane Doe is a freelance writer living in Lisbon."
  {
    name: 'author-bio',
    test: (l, n) =>
      n <= 60 &&
      /^\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){1,3} (?:is|was|has been) (?:a|an|the)\b[^.]{0,80}?\b(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|producer|freelancer|author|photographer)\b/u.test(
        l,
      ),
  },
  // Notes on where a story first ran.
  {
    name: 'source-note',
    test: (l, n) =>
      n <= 30 &&
      /^(?:this (?:article|story|piece) (?:has been|was) (?:adapted|republished|reprinted|first published|originally published|updated)|(?:a version of )?this (?:article|story) (?:first |originally )?appeared)\b/i.test(
        l,
      ),
  },
  // Media players' and scripts' fallback text.
  {
    name: 'player-notice',
    test: (l, n) =>
      n <= 20 &&
      /^(?:media playback is (?:unsupported|not supported)|your (?:browser|device) does not support|this (?:video|content) (?:is|has been) (?:unavailable|removed|not available)|video unavailable|(?:please )?enable javascript|javascript is (?:required|disabled))/i.test(
        l,
      ),
  },
  {
    name: 'link-notice',
    test: (l, n) =>
      n <= 14 &&
      /\b(?:(?:will )?opens? in a new (?:window|tab)|external links?\b.*\bnew (?:window|tab))\b/i.test(
        l,
      ),
  },
  // A caption whose credit closes it after the last sentence: "... to oppose it. Jane DOE / AFP".
  {name: 'caption-credit-tail', test: (l, n) => n <= 100 && CREDIT_TAIL.test(l)},
  // A teaser card whose title runs into its blurb: "…Spots In DetroitHoodline crunched the numbers…", "…home from US NEW DELHI: Their…".
  {name: 'teaser-card', test: (l, n) => n >= 10 && n <= 120 && isTeaserCard(l)},
  // Comment threads: "Reply", "12 likes".
  {
    name: 'comment-control',
    test: (l, n) =>
      n <= 4 &&
      /^(?:reply|report(?: abuse)?|flag|log in to reply|sign in to reply|\d+\s+(?:likes?|replies|votes?)|rating:\s*\d+\s*votes?)$/i.test(
        l,
      ),
  },
  // A link title with its comment or share count: "Week 12 power rankings (133)".
  {name: 'counted-link', test: (l, n) => n <= 25 && /^[^.!?]{8,160}[^.!?\s]\s\(\d{1,6}\)$/.test(l)},
  // "Read this story in Spanish", "Leer en español": the page's other editions.
  {
    name: 'language-switch',
    test: (l, n) =>
      n <= 8 &&
      /^(?:read (?:this|the) (?:story|article|page) in|read in|also (?:available|in)|leer en|lire en|leia em|auf deutsch|en español|in english)\b/i.test(
        l,
      ),
  },
  // Alert banners: "BREAKING NEWS: …", "Live: …", "News alert".
  {
    name: 'alert',
    test: (l, n) =>
      n <= 20 &&
      /^(?:breaking(?: news)?|news alert|alert|just in|live updates?|developing(?: story)?)\s*(?:[:|–—-]|$)/i.test(
        l,
      ),
  },
  {
    name: 'caption-label',
    test: (l) =>
      /^(?:caption|credit|source|image source|photo|file|watch|listen|video)\s*[:|]/i.test(l),
  },
  // Share / subscribe / newsletter / cookie / ads.
  {
    name: 'share',
    test: (l, n) =>
      n <= 8 &&
      /^(?:share(?: this(?: article| story)?)?|tweet|email|e-mail|print|copy(?: the)? link|link copied|save|comments?|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|messenger)(?:\s*[|/,·•]\s*\w+)*\s*:?$/i.test(
        l,
      ),
  },
  {
    name: 'share-on',
    test: (l, n) =>
      n <= 8 &&
      /^(?:share|post|send)(?: this(?: article| story)?)? (?:on|via|to|with) \w+/i.test(l),
  },
  {
    name: 'subscribe',
    test: (l, n) =>
      n <= 30 &&
      /\b(?:subscribe|subscription|sign up|sign in|log in|newsletter|inbox|unsubscribe|create (?:a free )?account|already a subscriber|register (?:now|for free))\b/i.test(
        l,
      ) &&
      !/\b(?:said|says|told)\b/.test(l),
  },
  {
    name: 'privacy-notice',
    test: (l, n) =>
      n <= 80 &&
      (/^privacy (?:notice|policy|statement)\s*:/i.test(l) ||
        (/\bprivacy (?:notice|policy)\b/i.test(l) &&
          /\b(?:newsletters?|subscri\w+|recaptcha)\b/i.test(l))),
  },
  {
    name: 'cookie',
    test: (l, n) =>
      n <= 120 &&
      /\bcookies?\b/i.test(l) &&
      /\b(?:accept|consent|privacy|browser|we use|settings|this (?:web)?site|opt[ -]out|necessary|functional)\b/i.test(
        l,
      ),
  },
  {
    name: 'advert',
    test: (l, n) =>
      n <= 4 &&
      /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|learn more|find out more|click here|see more|show more|load more|read the full (?:story|article)|scroll to continue(?: with content)?|continue reading|skip (?:to )?(?:main )?content|skip advert(?:isement)?|story continues below(?: advertisement)?)\b/i.test(
        l,
      ),
  },
  {
    name: 'copyright',
    test: (l, n) => n <= 40 && /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/i.test(l),
  },
  {
    name: 'terms',
    test: (l, n) =>
      n <= 12 &&
      /^(?:privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us|cookie (?:policy|settings)|accessibility|sitemap|careers|advertise(?: with us)?)\b/i.test(
        l,
      ),
  },
  {
    name: 'breadcrumb',
    test: (l, n) =>
      n <= 16 &&
      (/\s[›»>|]\s/.test(l) ||
        /\s\/\s.*\s\/\s/.test(l) ||
        /^(?:[\w&'-]+\s*){1,3}(?:[|•·]\s*(?:[\w&'-]+\s*){1,3}){2,}$/.test(l)) &&
      !endsSentence(l),
  },
  // A URL or a bare domain alone ("Smithsonian.com"): a site's name or a link, never a sentence.
  {
    name: 'url',
    test: (l, n) =>
      n <= 3 &&
      (/^(?:https?:\/\/|www\.)\S+$/i.test(l) ||
        /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|news|info|io|co|gov|edu|co\.uk|org\.uk|com\.au|de|fr|it|es|in|ca)$/iu.test(
          l,
        )),
  },
  {
    name: 'inline-link',
    test: (l, n) =>
      n <= 30 &&
      /^(?:related|read more|read also|also read|see also|more|watch|listen|recommended|read)\s*:\s*\S/i.test(
        l,
      ),
  },
  {name: 'social-handle', test: (l, n) => n <= 8 && /(?:^|\s)@\w{2,}/.test(l) && !endsSentence(l)},
  {name: 'hashtags', test: (l) => /^(?:#\w+\s*){1,}$/.test(l)},
  {
    name: 'tags-label',
    test: (l, n) => n <= 20 && /^(?:tags?|topics?|filed under|categories|keywords)\s*:/i.test(l),
  },
  // Rules and separators ("___", "* * *"), and list widgets' screen-reader labels ("list 1 of 3").
  {name: 'separator', test: (l) => !/[\p{L}\p{N}]/u.test(l)},
  {
    name: 'list-widget',
    test: (l) => /^(?:list(?:\s+\d+)?\s+of\s+\d+(?:\s+items?)?|end of list)$/i.test(l),
  },
  // A caption closed by its credit in parentheses: "(AP Photo/Jane Doe)", "(KVTN 8 / Chopper 8)".
  {
    name: 'caption-credit',
    test: (l, n) => n <= 45 && /\([^()]*[A-Za-z][^()]*(?:\s\/\s|\/[A-Z])[^()]*\)$/.test(l),
  },
  // Editors' notes about the page itself, not the story.
  {
    name: 'update-note',
    test: (l, n) =>
      n <= 30 &&
      /\b(?:will (?:continue to )?update (?:this|the) (?:story|article|report|page)|check back (?:later )?for (?:updates|more)|this (?:is a developing|story is developing|story will be updated|article (?:has been|was) updated))\b/i.test(
        l,
      ),
  },
  {
    name: 'counter',
    test: (l, n) =>
      n <= 3 && /^\d+(?:[.,]\d+)?[kKmM]?\s*(?:comments?|shares?|views?|likes?)?$/i.test(l),
  },
]

/** Section headings that open a tail of links, comments or an author box (data/lexicon/page-sections.en.json). */
const SECTIONS = readLexicon<{
  boxHeadings: string[]
  endHeadings: string[]
  endHeadingPrefixes: string[]
}>('page-sections.en.json')
const BOX_HEADINGS = new Set(SECTIONS.boxHeadings)
const END_HEADINGS = new Set(SECTIONS.endHeadings)
const END_PREFIXES = SECTIONS.endHeadingPrefixes.map((p) => `${p} `)

/** A heading's comparable form: lowercased, straight apostrophes, without a trailing colon, full stop or count. */
function headingKey(line: string): string {
  return line
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s*\(\d+\)\s*$/, '')
    .replace(/\s*[:.»›>]+\s*$/, '')
    .replace(/\s+/g, ' ')
}

const noiseCache = new Map<string, string | null>()
/** An embedded post's attribution ("— Jane Doe (@jane) November 18, 2019") is the story quoting it, not a timestamp. */
const EMBED_ATTRIBUTION = /^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\S/

export function noiseRule(line: string): string | undefined {
  const cached = noiseCache.get(line)
  if (cached !== undefined) return cached ?? undefined
  if (EMBED_ATTRIBUTION.test(line)) return undefined
  const n = wordCount(line)
  let found: string | null = null
  for (const rule of NOISE_RULES)
    if (rule.test(line, n)) {
      found = rule.name
      break
    }
  // Bounded: a long-running import of many pages must not grow without limit.
  if (noiseCache.size > 5000) noiseCache.clear()
  noiseCache.set(line, found)
  return found ?? undefined
}

export type SectionHeading = 'box' | 'end'

/**
 * A heading of a block that is not the story: 'box' for link boxes that sit inside stories as often as
 * after them ("Related articles"), 'end' for what follows a story (comments, an author box, "Most read").
 */
export function sectionHeading(line: string): SectionHeading | undefined {
  if (wordCount(line) > 8 || endsSentence(line.replace(/\.$/, ''))) return undefined
  const key = headingKey(line)
  if (BOX_HEADINGS.has(key)) return 'box'
  if (
    END_HEADINGS.has(key) ||
    END_PREFIXES.some((p) => key.startsWith(p)) ||
    isAuthorBoxHeading(line)
  )
    return 'end'
  // "More Washington Examiner": the outlet's other stories.
  if (/^[Mm]ore\s+(?:\p{Lu}[\p{L}.'&-]*\s*){1,4}$/u.test(line.trim())) return 'end'
  // "[ 167 comments ]", "12 replies".
  if (/^\[?\s*[\d,]+\s+(?:comments?|replies|responses)\s*\]?$/.test(key)) return 'end'
  return undefined
}

export function isTailHeading(line: string): boolean {
  return sectionHeading(line) !== undefined
}

/** "About the author", "About Jane Doe": the author's biography follows, not the story. */
export function isAuthorBoxHeading(line: string): boolean {
  return /^[Aa]bout (?:the authors?|\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){1,3})\s*:?$/u.test(
    line.trim(),
  )
}
