import {html, trusted, type SafeHtml} from './html.ts'

const style = `
body{font:17px/1.55 Georgia,serif;margin:0;color:#1d1d1f;background:#fdfcf9}
header.site,main{max-width:62rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid #ddd}
header.site a{color:inherit;text-decoration:none}
header.site .site-name{font-size:1.4em;font-weight:bold;margin:.6em 0}
a.skip{position:absolute;left:-999px}a.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.2rem .5rem}
q.direct{font-style:italic}
.legend{font-size:.85em;color:#444}
header.site form{margin-left:auto}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem}
@media(max-width:50rem){.layout{grid-template-columns:1fr}}
mark.claim,.swatch.named{background:#fff1b8;padding:0 .1em}
mark.claim[data-source-kind=unnamed],.swatch.unnamed{background:#ffd9d2}
sup.claim-source a{font:600 .7em/1 system-ui,sans-serif;text-decoration:none}
a.mention{color:inherit;text-decoration:underline dotted}
aside section{border-top:1px solid #ddd;margin-top:1rem}
.meta{color:#666;font-size:.9em}
table{border-collapse:collapse}td,th{padding:.2rem .5rem;text-align:left}
`

/**
 * A whole page: title, optional extra head markup, the body, and optionally a skip link (the first
 * thing a keyboard reaches) to a part of the page. The page's own heading is its only `h1`.
 */
export function layout({
  title,
  head,
  body,
  skipTo,
}: {
  title: string
  head?: SafeHtml
  body: SafeHtml
  skipTo?: {href: string; label: string}
}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(style)}</style>
${head}
</head>
<body>
${skipTo ? html`<a class="skip" href="${skipTo.href}">${skipTo.label}</a>` : ''}
<header class="site"><p class="site-name"><a href="/">Sourced news</a></p><a href="/claims">Claims</a>
<form action="/search" method="get" role="search"><input type="search" name="q" aria-label="Search"> <button>Search</button></form>
</header>
<main>
${body}
</main>
</body>
</html>
`.value
}
