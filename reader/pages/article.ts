import type {ArticleBySlugQueryResult, ArticleJsonLdQueryResult} from '../../sanity.types.ts'
import {renderBody, sourceHref} from '../body.ts'
import {date, entityLink, percent} from '../format.ts'
import {html, scriptJson, trusted, type SafeHtml} from '../html.ts'
import {layout} from '../layout.ts'
import {claimAnchor, sourceAnchor} from '../links.ts'
import {highlightLegend, organizationKind, placeKind, attributedStatement} from '../wording.ts'

type Article = NonNullable<ArticleBySlugQueryResult>

/** The article page: the marked body beside the sources panel, the JSON-LD in the head. */
export function articlePage(article: Article, jsonLd: ArticleJsonLdQueryResult): string {
  const numbers = new Map(article.claims.map((claim, i) => [claim._id, i + 1]))
  const claimLinks = (ids: string[]) =>
    ids.map(
      (id, i) => html`${i ? ', ' : ''}<a href="#${claimAnchor(id)}">${numbers.get(id) ?? '?'}</a>`,
    )
  const {sourcing, sources} = article

  const body = html`
<article class="layout">
<div>
<h1>${article.headline}</h1>
${article.dek ? html`<p class="dek">${article.dek}</p>` : ''}
<p class="meta">${article.dateline ? html`${entityLink(article.dateline)} · ` : ''}${date(article.publishedAt)}${article.publisher ? html` · ${article.publisher}` : ''}</p>
${highlightLegend}
<div class="body">${trusted(renderBody(article.body, numbers))}</div>
<section class="claims" id="claims">
<h2>Claims in this article</h2>
<ol>${article.claims.map(
    (claim) =>
      html`<li data-claim="${claim._id}" data-quote-type="${claim.quoteType ?? 'unknown'}">${attributedStatement(claim, html`<a href="${sourceHref(claim.source, claim._id)}">${claim.source?.name ?? 'unknown source'}</a>`)}</li>`,
  )}</ol>
</section>
</div>
<aside>
<section class="sources" id="sources">
<h2>Sources</h2>
<p class="sourcing" data-claims="${sourcing.claims}" data-named="${sourcing.named}" data-unnamed="${sourcing.unnamed}">${sourcing.claims} claims: ${sourcing.named} from named sources (${percent(sourcing.namedShare)}), ${sourcing.unnamed} from unnamed sources (${percent(sourcing.unnamedShare)}).</p>
<table><tr><th>Source kind</th><th>Claims</th></tr>
<tr><td>Person</td><td>${sourcing.person}</td></tr>
<tr><td>Organization</td><td>${sourcing.organization}</td></tr>
<tr><td>Unnamed</td><td>${sourcing.unnamed}</td></tr></table>
<h3>Named</h3>
${list(sources.named.map((source) => html`<li id="${sourceAnchor(source._id)}" data-source="${source._id}">${entityLink(source)} <span class="meta">(${source._type})</span> — claims ${claimLinks(source.claims)}</li>`))}
<h3>Unnamed</h3>
${list(sources.unnamed.map((source) => html`<li id="${sourceAnchor(source._id)}" data-source="${source._id}">${source.description} — claim ${claimLinks([source._id])}</li>`))}
</section>
<section class="entities">
<h2>In this article</h2>
<h3>People</h3>
${list(article.people.map((person) => html`<li>${entityLink(person)}${(person.roles ?? []).map((role) => html`<span class="meta">, ${[role.title, role.organization?.name].filter(Boolean).join(', ')}</span>`)}</li>`))}
<h3>Places</h3>
${list(article.places.map((place) => html`<li>${entityLink(place)} <span class="meta">${placeKind(place.kind)}${place.containedIn?.name ? html` in ${place.containedIn.name}` : ''}</span></li>`))}
<h3>Organizations</h3>
${list(article.organizations.map((org) => html`<li>${entityLink(org)} <span class="meta">${organizationKind(org.kind)}</span></li>`))}
</section>
</aside>
</article>`

  return layout({
    title: article.headline ?? 'Article',
    head: jsonLd
      ? html`<script type="application/ld+json">${scriptJson(jsonLd)}</script>`
      : undefined,
    body,
    skipTo: {href: '#sources', label: 'Skip to the sources'},
  })
}

function list(items: SafeHtml[]): SafeHtml {
  return items.length ? html`<ul>${items}</ul>` : html`<p class="meta">None.</p>`
}
