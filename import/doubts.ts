// What the import was unsure of, from what the earlier stages already computed: the claims stage's
// confidence, the words a source was found by, and how an entity came to be typed a person. The
// documents stage records these as `importDoubts` so the Studio can flag them for an editor.
import {LOW_CONFIDENCE, type ImportDoubt} from '../schemas/vocabularies.ts'
import type {ClaimDraft} from './claims.ts'
import type {Entity} from './entities.ts'
import {isFirstName} from './lexicon.ts'

/** Words that say nothing of who a source is ("the", "of"), left out when comparing names. */
const NAME_NOISE = new Set(['the', 'of', 'and', 'for', 'a', 'an'])

function nameWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'-]*/gu) ?? []
  return new Set(words.map((w) => w.replace(/'s$/, '')).filter((w) => !NAME_NOISE.has(w)))
}

/**
 * True when the source was found by words that share nothing with the name it resolved to: a
 * pronoun ("he"), a description ("the real estate agent") or a role matched to a person named
 * paragraphs before. Those are coreference guesses, right most of the time, and worth a look.
 */
export function sourceInferredFromContext(description: string, entity: Entity): boolean {
  const said = nameWords(description)
  if (said.size === 0) return true
  for (const name of [entity.name, ...entity.aliases]) {
    for (const word of nameWords(name)) if (said.has(word)) return false
  }
  return true
}

/**
 * A person the import typed on the name's shape alone: no title or role, and a first word the
 * lexicon does not know as a given name. "Raj Bhavan" (a building) and "Decreixement Turístic" (a
 * movement) come out this way, as do real people with rarer given names.
 */
export function personDoubts(entity: Entity): ImportDoubt[] {
  if (entity.type !== 'person') return []
  const first = entity.name.split(/\s+/)[0] ?? ''
  return entity.roles.length === 0 && !isFirstName(first) ? ['mayNotBePerson'] : []
}

/** The doubts of one extracted claim, given the entity its source resolved to (if any). */
export function claimDoubts(draft: ClaimDraft, sourceEntity: Entity | undefined): ImportDoubt[] {
  const doubts: ImportDoubt[] = []
  if (draft.confidence <= LOW_CONFIDENCE) doubts.push('lowConfidence')
  if (sourceEntity && sourceInferredFromContext(draft.source.description, sourceEntity))
    doubts.push('sourceInferred')
  if (draft.source.kind === 'person' && sourceEntity && personDoubts(sourceEntity).length > 0)
    doubts.push('sourceMayNotBePerson')
  return doubts
}
