// An indirect claim told to an audience as reported speech ("Ali Vaez said the talks had stalled"),
// built from the claim's own cue so the reader never attributes a stronger or weaker verb
// than the article did. The verb frames come from the importer's reporting lexicon
// (data/lexicon/reporting-verbs.en.json), the words a sentence may start with from
// data/lexicon/function-words.en.json: the same data, so a cue the importer learns the reader can say.
import {readLexicon} from '../import/lexicons.ts'

interface ReportingVerb {
  lemma: string
  group: string
  forms: string[]
}

/**
 * How a cue joins its source to the statement. A verb never gets a "that" of the reader's own: the
 * statement is a clause as often as an object ("acknowledged its involvement", "told reporters …",
 * "described the plan as a trap"), and English reports a clause without "that" as well as with it.
 */
export type ReportFrame =
  /** "X said S", "X acknowledged S" */
  | {kind: 'verb'; verb: string}
  /** "According to X, S": the cue is not a verb. */
  | {kind: 'preposition'; cue: string}

const VERBS = readLexicon<{verbs: ReportingVerb[]}>('reporting-verbs.en.json').verbs
const FUNCTION_WORDS = new Set(
  readLexicon<{words: string[]}>('function-words.en.json').words.filter((word) => word !== 'i'),
)

/** Every inflected form (and the lemma), lower-case, to its verb. */
const BY_FORM = new Map<string, ReportingVerb>()
for (const verb of VERBS) {
  for (const form of [verb.lemma, ...verb.forms]) {
    if (!BY_FORM.has(form)) BY_FORM.set(form, verb)
  }
}

/**
 * The verb a gerund cue stands for ("saying" → say, "noting" → note, "slamming" → slam): the
 * lexicon lists finite forms only, and a reader sentence needs one ("X said …", not
 * "X saying …").
 */
function gerundVerb(word: string): ReportingVerb | undefined {
  if (!word.endsWith('ing') || word.length < 5) return undefined
  const stem = word.slice(0, -3)
  const doubled = /(.)\1$/.test(stem) ? stem.slice(0, -1) : undefined
  for (const lemma of [stem, `${stem}e`, doubled]) {
    const verb = lemma ? BY_FORM.get(lemma) : undefined
    if (verb && verb.lemma === lemma) return verb
  }
  return undefined
}

/** An entry's first form that is not a third-person "-s" one: its past ("said", "told"), else the lemma. */
const pastForm = (verb: ReportingVerb) =>
  verb.forms.find((form) => !form.endsWith('s') || form.endsWith('ss')) ?? verb.lemma

/** Which frame a claim's cue takes: a reporting verb, or a preposition. */
export function reportFrame(cue: string): ReportFrame {
  const words = cue.trim().split(/\s+/)
  // The longest run of leading words that is a form ("pointed out" before "pointed").
  for (let n = words.length; n > 0; n--) {
    const head = words.slice(0, n).join(' ')
    const finite = BY_FORM.get(head.toLowerCase())
    const gerund = finite || n > 1 ? undefined : gerundVerb(head.toLowerCase())
    const verb = finite ?? gerund
    if (!verb) continue
    const said = [gerund ? pastForm(gerund) : head, ...words.slice(n)].join(' ')
    return {kind: 'verb', verb: said}
  }
  return {kind: 'preposition', cue: cue.trim()}
}

/**
 * A statement as the middle of a sentence: its first word lower-cased when it is a function word
 * ("The talks …" → "the talks …"), kept otherwise, since a capital there is usually a name ("Iran …").
 */
export function clauseText(statement: string): string {
  const match = /^([A-Z][a-z']*)\b/.exec(statement)
  if (!match || !FUNCTION_WORDS.has(match[1]!.toLowerCase())) return statement
  return statement[0]!.toLowerCase() + statement.slice(1)
}

/** A sentence's first letter as a capital ("according to" → "According to"). */
export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
