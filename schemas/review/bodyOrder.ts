/** The ids of the claims an article body annotates, in the order they first appear in the text. */
export function claimOrderOf(body: unknown): string[] {
  if (!Array.isArray(body)) return []
  const order: string[] = []
  for (const block of body as {markDefs?: {_type?: string; claim?: {_ref?: string}}[]}[]) {
    for (const mark of block.markDefs ?? []) {
      const ref = mark._type === 'claimRef' ? mark.claim?._ref : undefined
      if (ref && !order.includes(ref)) order.push(ref)
    }
  }
  return order
}

/**
 * `items` in body order (`claimOrder`, from `claimOrderOf`); claims the body does not annotate
 * (the headline's, or one whose span was removed) keep their order after the annotated ones.
 */
export function sortByBodyOrder<T extends {_id: string}>(
  items: readonly T[],
  claimOrder: readonly string[],
): T[] {
  const position = new Map(claimOrder.map((id, index) => [id, index]))
  const at = (id: string) => position.get(id) ?? claimOrder.length
  return [...items].sort((a, b) => at(a._id) - at(b._id))
}

/**
 * One entry per document of a raw-perspective result, under its published id: a draft stands in
 * for its published twin, release versions are left out.
 */
export function latestVersions<T extends {_id: string}>(documents: readonly T[]): T[] {
  const byId = new Map<string, T>()
  for (const document of documents) {
    if (document._id.startsWith('versions.')) continue
    const isDraft = document._id.startsWith('drafts.')
    const id = isDraft ? document._id.slice('drafts.'.length) : document._id
    if (isDraft || !byId.has(id)) byId.set(id, {...document, _id: id})
  }
  return [...byId.values()]
}
