// Strong references, the ones the Content Lake keeps intact: `_ref` without `_weak: true`.

/** The ids a value strongly references, anywhere in its tree (each id once). */
export function strongReferences(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongReferences(item, found)
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    // Cross-dataset references point outside this dataset, so there is nothing here to keep intact.
    const crossDataset =
      typeof record._dataset === 'string' || typeof record._projectId === 'string'
    if (typeof record._ref === 'string' && record._weak !== true && !crossDataset)
      found.add(record._ref)
    for (const key in record) {
      const child = record[key]
      if (child !== null && typeof child === 'object') strongReferences(child, found)
    }
  }
  return found
}

/** Reverse index of strong references: target id → ids of the documents pointing at it. */
export class ReferenceIndex {
  private readonly referrersOf = new Map<string, Set<string>>()
  private readonly targetsOf = new Map<string, Set<string>>()

  /** Records the references `id` holds now (`doc` null when it was deleted). */
  update(id: string, doc: unknown): void {
    const previous = this.targetsOf.get(id)
    if (previous) {
      for (const target of previous) {
        const set = this.referrersOf.get(target)
        set?.delete(id)
        if (set && set.size === 0) this.referrersOf.delete(target)
      }
    }
    const targets = doc ? strongReferences(doc) : new Set<string>()
    if (targets.size === 0) {
      this.targetsOf.delete(id)
      return
    }
    this.targetsOf.set(id, targets)
    for (const target of targets) {
      let set = this.referrersOf.get(target)
      if (!set) this.referrersOf.set(target, (set = new Set()))
      set.add(id)
    }
  }

  referrers(id: string): ReadonlySet<string> {
    return this.referrersOf.get(id) ?? new Set()
  }

  clear(): void {
    this.referrersOf.clear()
    this.targetsOf.clear()
  }
}
