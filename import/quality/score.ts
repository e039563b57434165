// Scores the documents an import produced against a hand-made gold annotation: the project's own
// measure of extraction quality (article headline and boilerplate, people, places, organizations,
// claims loose and strict, with and without the right source). It computes the same figures as the
// team's scorer it replaces, rule for rule, so the published numbers stay comparable;
// `npm run check-scorer` compares the two on every fixture where that scorer is beside the checkout.

/** A hand-made gold annotation (`*.gold.json`). Entries marked `optional` are neither required nor counted against a prediction. */
export interface GoldAnnotation {
  headline?: string
  boilerplate_lines?: string[]
  people?: GoldEntity[]
  people_optional?: GoldEntity[]
  people_forbidden?: GoldEntity[]
  places?: GoldEntity[]
  places_optional?: GoldEntity[]
  places_forbidden?: GoldEntity[]
  organizations?: GoldEntity[]
  organizations_optional?: GoldEntity[]
  organizations_forbidden?: GoldEntity[]
  claims?: GoldClaim[]
}

export interface GoldEntity {
  name: string
  mentions?: string[]
}

export interface GoldClaim {
  sentence: string
  content: string
  source: string
  /** `anonymous` for an unnamed source; anything else names the source. */
  source_kind?: string
  optional?: boolean
}

/** One document as the import prints it; only the fields the import contract names are read. */
export type ScoredDocument = Record<string, unknown>

export interface Measure {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
  falsePositives: string[]
  missed: string[]
}

export interface ClaimMeasure extends Measure {
  sourcedF1: number
  sourcedPrecision: number
  sourcedRecall: number
  wrongSource: string[]
}

export interface ArticleMeasure {
  ok: boolean
  why?: string
  headlineOk?: boolean
  paragraphs?: number
  boilerplateKept?: string[]
}

export interface ScoreReport {
  article: ArticleMeasure
  people: Measure
  places: Measure
  organizations: Measure
  claims: ClaimMeasure
  claimsStrict: ClaimMeasure
}

/** The claim thresholds: share of the gold content a statement must cover. */
export const LOOSE_CLAIM_THRESHOLD = 0.3
export const STRICT_CLAIM_THRESHOLD = 0.8
/** Share of a statement's words that must lie inside the gold sentence before it is compared at all. */
const INSIDE_SENTENCE = 0.8
/** Strict: share of a statement's words that must belong to the gold content (the span, not the whole sentence). */
const STRICT_CONTENT_SHARE = 0.6

/** Lowercase words without accents, dots, possessive 's or a leading "the": how names and statements are compared. */
export function normalize(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const tokens = (text: unknown) => normalize(text).split(' ').filter(Boolean)
const round = (x: number) => Math.round(x * 1000) / 1000
const lastWord = (name: string) => name.split(' ').at(-1)

function namesOf(doc: ScoredDocument | undefined): string[] {
  const aliases = Array.isArray(doc?.aliases) ? (doc.aliases as unknown[]) : []
  return [doc?.name, doc?.title, ...aliases].filter(Boolean).map(normalize)
}

/**
 * A predicted entity matches a gold one when one of its names equals one of the gold's names or
 * mentions or, for people when `bySurname`, when a name of two words or more ends in the gold's surname.
 */
function entityMatches(prediction: ScoredDocument, gold: GoldEntity, bySurname: boolean): boolean {
  const goldNames = [gold.name, ...(gold.mentions ?? [])].map(normalize)
  const names = namesOf(prediction)
  if (names.some((name) => goldNames.includes(name))) return true
  if (!bySurname) return false
  const surname = lastWord(normalize(gold.name))
  return names.some((name) => name.split(' ').length > 1 && lastWord(name) === surname)
}

function measure(tp: number, falsePositives: string[], missed: string[]): Measure {
  const precision = tp + falsePositives.length ? tp / (tp + falsePositives.length) : 0
  const recall = tp + missed.length ? tp / (tp + missed.length) : 1
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return {
    tp,
    fp: falsePositives.length,
    fn: missed.length,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    falsePositives,
    missed,
  }
}

type EntityKey = 'people' | 'places' | 'organizations'

/** Scores `docs` against `gold`. Pure: the same inputs always give the same report. */
export function scoreExtraction(gold: GoldAnnotation, docs: ScoredDocument[]): ScoreReport {
  const byId = new Map(docs.map((doc) => [doc._id, doc]))
  const ofType = (type: string) => docs.filter((doc) => doc._type === type)
  const entityKeys: EntityKey[] = ['people', 'places', 'organizations']
  const allGoldEntities = entityKeys.flatMap((key) => [
    ...(gold[key] ?? []),
    ...(gold[`${key}_optional`] ?? []),
  ])
  const goldClaims = gold.claims ?? []

  function scoreEntities(type: string, key: EntityKey, isPerson: boolean): Measure {
    const required = gold[key] ?? []
    const optional = gold[`${key}_optional`] ?? []
    const forbidden = gold[`${key}_forbidden`] ?? []
    const hit = new Map<string, ScoredDocument>()
    const falsePositives: string[] = []
    const exact = (p: ScoredDocument, list: GoldEntity[]) =>
      list.find((g) => entityMatches(p, g, false))
    // Exact name matches first, surname matches only for what is left, so "Grace Mugabe" never takes "Robert Mugabe".
    const pending: ScoredDocument[] = []
    for (const p of ofType(type)) {
      const g = exact(p, required)
      if (g && !hit.has(g.name)) hit.set(g.name, p)
      else if (g) falsePositives.push(`${String(p.name)} (duplicate of ${g.name})`)
      else if (!exact(p, optional)) pending.push(p)
    }
    for (const p of pending) {
      const g = isPerson
        ? required.find((x) => !hit.has(x.name) && entityMatches(p, x, true))
        : undefined
      if (g) {
        hit.set(g.name, p)
        continue
      }
      const bySurname = (list: GoldEntity[]) => list.some((x) => entityMatches(p, x, true))
      if (isPerson && (bySurname(required) || bySurname(optional))) {
        if (!bySurname(optional)) falsePositives.push(`${String(p.name)} (duplicate)`)
        continue
      }
      const isForbidden = forbidden.some((x) => entityMatches(p, x, isPerson))
      falsePositives.push(isForbidden ? `${String(p.name)} (forbidden)` : String(p.name))
    }
    const missed = required.filter((g) => !hit.has(g.name)).map((g) => g.name)
    return measure(hit.size, falsePositives, missed)
  }

  /** Right when the referenced document carries the gold source's name (or a mention of that gold entity), or both are unnamed. */
  function sourceRight(prediction: ScoredDocument, g: GoldClaim): boolean {
    const source = (prediction.source ?? {}) as Record<string, unknown>
    const kind = String(source.kind || '').toLowerCase()
    if (g.source_kind === 'anonymous') return kind === 'unnamed' || kind === 'anonymous'
    const refs = [source.person, source.organization, source.place, source.entity]
      .filter(Boolean)
      .map((ref) => byId.get((ref as {_ref?: unknown})._ref))
    const wanted = normalize(g.source)
    const entities = allGoldEntities.filter((e) => normalize(e.name) === wanted)
    return refs.some(
      (doc) =>
        doc !== undefined &&
        (namesOf(doc).includes(wanted) ||
          entities.some((e) => entityMatches(doc, e, doc._type === 'person'))),
    )
  }

  /** Share of the gold content the statement covers, or 0 when the statement is not (mostly) inside the gold sentence. */
  function claimOverlap(prediction: ScoredDocument, g: GoldClaim, strict: boolean): number {
    const words = tokens(prediction.statement)
    if (!words.length) return 0
    const sentence = new Set(tokens(g.sentence))
    if (words.filter((t) => sentence.has(t)).length / words.length < INSIDE_SENTENCE) return 0
    const said = new Set(words)
    const content = tokens(g.content)
    const coverage = content.filter((t) => said.has(t)).length / content.length
    if (!strict) return coverage
    const contentWords = new Set(content)
    return words.filter((t) => contentWords.has(t)).length / words.length >= STRICT_CONTENT_SHARE
      ? coverage
      : 0
  }

  function scoreClaims(threshold: number, strict: boolean): ClaimMeasure {
    const predictions = ofType('claim')
    // Every (prediction, gold) pair above the threshold, best first; each side is used at most once, so two
    // predictions sharing one sentence can match its two attributions. Ties favour a right source, then a core claim.
    const pairs: {pi: number; gi: number; rank: number}[] = []
    predictions.forEach((p, pi) =>
      goldClaims.forEach((g, gi) => {
        const overlap = claimOverlap(p, g, strict)
        if (overlap >= threshold)
          pairs.push({
            pi,
            gi,
            rank: overlap + (sourceRight(p, g) ? 1 : 0) + (g.optional ? 0 : 0.01),
          })
      }),
    )
    pairs.sort((a, b) => b.rank - a.rank)
    const matchOf = new Map<number, number>()
    const goldTaken = new Set<number>()
    for (const {pi, gi} of pairs) {
      if (matchOf.has(pi) || goldTaken.has(gi)) continue
      matchOf.set(pi, gi)
      goldTaken.add(gi)
    }
    let tp = 0
    let sourced = 0
    const wrongSource: string[] = []
    const falsePositives: string[] = []
    predictions.forEach((p, pi) => {
      const gi = matchOf.get(pi)
      if (gi === undefined) {
        const near = goldClaims.some((g) => claimOverlap(p, g, strict) >= threshold)
        const optionalOnly =
          near && goldClaims.every((g) => claimOverlap(p, g, strict) < threshold || g.optional)
        if (!optionalOnly)
          falsePositives.push(`${String(p.statement).slice(0, 80)}${near ? ' (duplicate)' : ''}`)
        return
      }
      const g = goldClaims[gi]!
      if (g.optional) return
      tp++
      if (sourceRight(p, g)) sourced++
      else wrongSource.push(`${g.source} <- ${JSON.stringify(p.source)}`.slice(0, 140))
    })
    const missed = goldClaims
      .filter((g, gi) => !g.optional && !goldTaken.has(gi))
      .map((g) => g.sentence.slice(0, 90))
    const found = measure(tp, falsePositives, missed)
    const withSource = measure(
      sourced,
      [...falsePositives, ...wrongSource],
      [...missed, ...wrongSource],
    )
    return {
      ...found,
      sourcedF1: withSource.f1,
      sourcedPrecision: withSource.precision,
      sourcedRecall: withSource.recall,
      wrongSource,
    }
  }

  function scoreArticle(): ArticleMeasure {
    const articles = ofType('article')
    const article = articles[0]
    if (articles.length !== 1 || !article)
      return {ok: false, why: `${articles.length} article documents`}
    const body = Array.isArray(article.body) ? (article.body as Record<string, unknown>[]) : []
    const paragraphs = body
      .filter((block) => block._type === 'block')
      .map((block) =>
        ((block.children ?? []) as {text?: string}[]).map((child) => child.text || '').join(''),
      )
    const boilerplateKept = (gold.boilerplate_lines ?? []).filter((line) =>
      paragraphs.some((p) => normalize(p) === normalize(line)),
    )
    const headlineOk = normalize(article.headline ?? article.title) === normalize(gold.headline)
    return {
      ok: headlineOk && boilerplateKept.length === 0,
      headlineOk,
      paragraphs: paragraphs.length,
      boilerplateKept,
    }
  }

  return {
    article: scoreArticle(),
    people: scoreEntities('person', 'people', true),
    places: scoreEntities('place', 'places', false),
    organizations: scoreEntities('organization', 'organizations', false),
    claims: scoreClaims(LOOSE_CLAIM_THRESHOLD, false),
    claimsStrict: scoreClaims(STRICT_CLAIM_THRESHOLD, true),
  }
}

/**
 * The bounds of a spec such as `claims.sourcedF1>=0.8,people.f1>=0.95` that `report` falls short of,
 * as `path=value < bound`. A malformed entry throws.
 */
export function unmetRequirements(report: ScoreReport, spec: string): string[] {
  const unmet: string[] = []
  for (const entry of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^([\w.]+)\s*>=\s*([\d.]+)$/.exec(entry)
    if (!match) throw new Error(`bad requirement: ${entry} (path>=number)`)
    const [, path, bound] = match as unknown as [string, string, string]
    const value = path
      .split('.')
      .reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], report)
    if (!(typeof value === 'number' && value >= Number(bound)))
      unmet.push(`${path}=${String(value)} < ${bound}`)
  }
  return unmet
}
