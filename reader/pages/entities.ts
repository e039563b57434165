import type {
  OrganizationBySlugQueryResult,
  PersonBySlugQueryResult,
  PlaceBySlugQueryResult,
} from '../../sanity.types.ts'
import {date, entityLink, externalLink} from '../format.ts'
import {html, type SafeHtml} from '../html.ts'
import {layout} from '../layout.ts'
import {articleHref} from '../links.ts'
import {organizationKind, placeKind} from '../wording.ts'
import {claimList} from './claimList.ts'

interface ArticleLink {
  _id: string
  headline: string | null
  slug: string | null
  dek: string | null
  publishedAt: string | null
  dateline: string | null
}

function articleList(
  articles: ArticleLink[],
  note?: (article: ArticleLink) => SafeHtml | string,
): SafeHtml {
  if (!articles.length) return html`<p class="meta">None.</p>`
  return html`<ul class="articles">${articles.map(
    (article) =>
      html`<li><a href="${articleHref(article.slug ?? '')}">${article.headline}</a> <span class="meta">${article.dateline ? html`${article.dateline} · ` : ''}${date(article.publishedAt)}${note ? note(article) : ''}</span></li>`,
  )}</ul>`
}

function aliases(names: string[] | null): SafeHtml | string {
  return names?.length ? html`<p class="meta">Also: ${names.join(', ')}</p>` : ''
}

function sameAs(urls: string[] | null): SafeHtml | string {
  return urls?.length
    ? html`<p class="meta">Elsewhere: ${urls.map((url, i) => html`${i ? ', ' : ''}${externalLink(url)}`)}</p>`
    : ''
}

export function personPage(person: NonNullable<PersonBySlugQueryResult>): string {
  const body = html`
<h1>${person.name}</h1>
${aliases(person.aliases)}
${person.description ? html`<p>${person.description}</p>` : ''}
${person.roles?.length ? html`<ul class="roles">${person.roles.map((role) => html`<li>${role.title}${role.title && role.organization ? ', ' : ''}${role.organization ? entityLink(role.organization) : ''}</li>`)}</ul>` : ''}
${person.nationality ? html`<p>Nationality: ${entityLink(person.nationality)}</p>` : ''}
${sameAs(person.sameAs)}
<h2>Claims by ${person.name}</h2>
${claimList(person.claimsBy)}
<h2>Claims about ${person.name}</h2>
${claimList(person.claimsAbout)}
<h2>Articles mentioning ${person.name}</h2>
${articleList(person.articles)}`
  return layout({title: person.name ?? 'Person', body})
}

export function organizationPage(org: NonNullable<OrganizationBySlugQueryResult>): string {
  const body = html`
<h1>${org.name}</h1>
<p class="meta">${organizationKind(org.kind)}${org.country ? html` · ${entityLink(org.country)}` : ''}${org.parent ? html` · part of ${entityLink(org.parent)}` : ''}</p>
${aliases(org.aliases)}
${sameAs(org.sameAs)}
${org.people.length ? html`<h2>People</h2><ul>${org.people.map((person) => html`<li>${entityLink(person)} <span class="meta">${(person.titles ?? []).filter(Boolean).join(', ')}</span></li>`)}</ul>` : ''}
<h2>Claims by ${org.name}</h2>
${claimList(org.claimsBy)}
<h2>Claims about ${org.name}</h2>
${claimList(org.claimsAbout)}
<h2>Articles mentioning ${org.name}</h2>
${articleList(org.articles)}`
  return layout({title: org.name ?? 'Organization', body})
}

export function placePage(place: NonNullable<PlaceBySlugQueryResult>): string {
  const body = html`
<h1>${place.name}</h1>
<p class="meta">${placeKind(place.kind) || 'Place'}${place.parent ? html` in ${entityLink(place.parent)}` : ''}</p>
${aliases(place.aliases)}
${place.contains.length ? html`<h2>Places in ${place.name}</h2><ul>${place.contains.map((child) => html`<li>${entityLink(child)} <span class="meta">${placeKind(child.kind)}</span></li>`)}</ul>` : ''}
<h2>Articles</h2>
${articleList(place.articles, (article) => ((article as {datelined?: boolean | null}).datelined ? ' · datelined here' : ''))}
<h2>Claims about ${place.name}</h2>
${claimList(place.claimsAbout)}`
  return layout({title: place.name ?? 'Place', body})
}
