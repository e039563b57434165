/** A run of body text, and the claim whose span it is part of (if any). */
export interface BodySegment {
  key: string
  text: string
  claimId?: string
}

export interface BodyBlock {
  key: string
  style: string
  listItem?: string
  segments: BodySegment[]
}

interface PortableTextBlock {
  _key?: string
  _type?: string
  style?: string
  listItem?: string
  markDefs?: {_key?: string; _type?: string; claim?: {_ref?: string}}[]
  children?: {_key?: string; text?: string; marks?: string[]}[]
}

/**
 * An article body (Portable Text) as the review view prints it: its text blocks, each span with the
 * claim its claimRef annotation points at. Mentions and decorators are left out: the view is for
 * reading claims in context, the form is for editing.
 */
export function bodyBlocks(body: unknown): BodyBlock[] {
  if (!Array.isArray(body)) return []
  return (body as PortableTextBlock[])
    .filter((block) => block._type === 'block')
    .map((block, index) => {
      const claimOfMark = new Map<string, string>()
      for (const mark of block.markDefs ?? [])
        if (mark._type === 'claimRef' && mark._key && mark.claim?._ref)
          claimOfMark.set(mark._key, mark.claim._ref)
      const key = block._key ?? `block-${index}`
      return {
        key,
        style: block.style ?? 'normal',
        ...(block.listItem ? {listItem: block.listItem} : {}),
        segments: (block.children ?? []).map((span, at) => {
          const claimId = (span.marks ?? []).map((mark) => claimOfMark.get(mark)).find(Boolean)
          return {
            key: span._key ?? `${key}-${at}`,
            text: span.text ?? '',
            ...(claimId ? {claimId} : {}),
          }
        }),
      }
    })
}

/** The ids of the people, places and organizations the body mentions, in order, once each. */
export function mentionedEntityIds(body: unknown): string[] {
  if (!Array.isArray(body)) return []
  const ids: string[] = []
  for (const block of body as {markDefs?: {_type?: string; entity?: {_ref?: string}}[]}[])
    for (const mark of block.markDefs ?? []) {
      const ref = mark._type === 'mention' ? mark.entity?._ref : undefined
      if (ref && !ids.includes(ref)) ids.push(ref)
    }
  return ids
}
