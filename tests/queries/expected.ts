// What the queries must return, worked out in plain TypeScript from the imported documents, so the
// tests follow the extractor as it is tuned while still pinning exact values.
import type {SanityDocument} from '../../lake/target.ts'

type Doc = SanityDocument & Record<string, any>

/** GROQ orders strings by code unit, like `<` in JavaScript (not like localeCompare). */
export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export class Expected {
  readonly byId: Map<string, Doc>
  constructor(readonly documents: Doc[]) {
    this.byId = new Map(documents.map((doc) => [doc._id, doc]))
  }

  ofType(type: string): Doc[] {
    return this.documents.filter((doc) => doc._type === type)
  }

  get article(): Doc {
    const articles = this.ofType('article')
    if (articles.length !== 1) throw new Error(`expected one article, found ${articles.length}`)
    return articles[0]!
  }

  markDefs(article: Doc, type: string): Doc[] {
    return (article.body ?? []).flatMap((block: Doc) =>
      (block.markDefs ?? []).filter((def: Doc) => def._type === type),
    )
  }

  /** A claim readers may see: one an editor has not rejected. */
  isPublic(claim: Doc | undefined): boolean {
    return claim?.reviewStatus !== 'rejected'
  }

  /** Every claim readers may see. */
  publicClaims(): Doc[] {
    return this.ofType('claim').filter((claim) => this.isPublic(claim))
  }

  /** Ids of the public claims in the order their spans appear in the body. */
  bodyClaimIds(article: Doc): string[] {
    return this.markDefs(article, 'claimRef')
      .map((def) => def.claim._ref)
      .filter((id) => this.isPublic(this.byId.get(id)))
  }

  mentionIds(article: Doc): string[] {
    return this.markDefs(article, 'mention').map((def) => def.entity._ref)
  }

  /** The public claims of `article`. */
  claimsOf(article: Doc): Doc[] {
    return this.publicClaims().filter((claim) => claim.article._ref === article._id)
  }

  sourceEntityId(claim: Doc): string | null {
    return claim.source.person?._ref ?? claim.source.organization?._ref ?? null
  }

  sourceName(claim: Doc): string {
    const id = this.sourceEntityId(claim)
    return id ? this.byId.get(id)!.name : claim.source.description
  }

  /** Names of the mentioned documents of one type, sorted as the query sorts them. */
  mentionedNames(article: Doc, type: string): string[] {
    const ids = new Set(this.mentionIds(article))
    return this.ofType(type)
      .filter((doc) => ids.has(doc._id))
      .map((doc) => doc.name)
      .sort(byString)
  }

  sourcing(article: Doc) {
    const claims = this.claimsOf(article)
    const count = (kind: string) => claims.filter((claim) => claim.source.kind === kind).length
    const named = count('person') + count('organization')
    return {
      claims: claims.length,
      person: count('person'),
      organization: count('organization'),
      unnamed: count('unnamed'),
      named,
      namedShare: claims.length ? named / claims.length : null,
      unnamedShare: claims.length ? count('unnamed') / claims.length : null,
    }
  }

  /** Claims as the entity pages and the claims list order them: dated newest first, then statement. */
  orderClaims(claims: Doc[]): string[] {
    return [...claims]
      .sort((a, b) => {
        if (Boolean(a.saidAt) !== Boolean(b.saidAt)) return a.saidAt ? -1 : 1
        if (a.saidAt !== b.saidAt) return byString(b.saidAt, a.saidAt)
        return byString(a.statement, b.statement)
      })
      .map((claim) => claim._id)
  }

  /** Documents whose any reference points at `id`. */
  referencing(id: string, type: string): Doc[] {
    const refers = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.some(refers)
        : Boolean(value) && typeof value === 'object'
          ? (value as Doc)._ref === id || Object.values(value as Doc).some(refers)
          : false
    return this.ofType(type).filter((doc) => refers(doc))
  }

  bySlug(type: string, slug: string): Doc {
    const doc = this.ofType(type).find((candidate) => candidate.slug?.current === slug)
    if (!doc) throw new Error(`no ${type} with slug ${slug}`)
    return doc
  }

  byName(type: string, name: string): Doc {
    const doc = this.ofType(type).find((candidate) => candidate.name === name)
    if (!doc) throw new Error(`no ${type} named ${name}`)
    return doc
  }
}
