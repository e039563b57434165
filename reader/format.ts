// Small wording helpers shared by the pages.
import {html, type SafeHtml} from './html.ts'
import {pageHref} from './links.ts'

export function percent(share: number | null | undefined): string {
  return typeof share === 'number' ? `${Math.round(share * 100)}%` : '—'
}

export function date(value: string | null | undefined): string {
  if (!value) return 'Date unknown'
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString().slice(0, 10)
}

/** A link to an entity's page, or its plain name when it has no page. */
export function entityLink(
  entity: {_type: string; name: string | null; slug: string | null} | null | undefined,
): SafeHtml {
  if (!entity) return html``
  const href = pageHref(entity)
  return href ? html`<a href="${href}">${entity.name}</a>` : html`${entity.name}`
}

/** Only web addresses become links; anything else is shown as text. */
export function externalLink(url: string): SafeHtml {
  return /^https?:\/\//i.test(url)
    ? html`<a href="${url}" rel="nofollow noopener">${url}</a>`
    : html`${url}`
}
