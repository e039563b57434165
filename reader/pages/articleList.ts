import type {ArticleListQueryResult} from '../../sanity.types.ts'
import {date, percent} from '../format.ts'
import {html} from '../html.ts'
import {layout} from '../layout.ts'
import {articleHref} from '../links.ts'

/** One page of the article list, with a link to the next when this one is full. */
export function articleListPage(
  articles: ArticleListQueryResult,
  page: number,
  pageSize: number,
): string {
  const body = html`
<h1>Articles</h1>
${articles.length ? '' : html`<p>No articles yet.</p>`}
<ol class="articles" start="${page * pageSize + 1}">${articles.map(
    (article) => html`<li>
<h2><a href="${articleHref(article.slug ?? '')}">${article.headline}</a></h2>
${article.dek ? html`<p>${article.dek}</p>` : ''}
<p class="meta">${article.dateline ? html`${article.dateline} · ` : ''}${date(article.publishedAt)} · ${article.claimCount} claims, ${percent(article.unnamedShare)} from unnamed sources</p>
</li>`,
  )}</ol>
<nav>${page > 0 ? html`<a href="/?page=${page - 1}">Newer</a> ` : ''}${articles.length === pageSize ? html`<a href="/?page=${page + 1}">Older</a>` : ''}</nav>`
  return layout({title: 'Articles', body})
}
