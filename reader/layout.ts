import {html, trusted, type SafeHtml} from './html.ts'

const style = `
body{font:17px/1.55 Georgia,serif;margin:0;color:#1d1d1f;background:#fdfcf9}
header.site,main{max-width:62rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid #ddd}
header.site a{color:inherit;text-decoration:none}
header.site form{margin-left:auto}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem}
@media(max-width:50rem){.layout{grid-template-columns:1fr}}
mark.claim{background:#fff1b8;padding:0 .1em}
mark.claim[data-source-kind=unnamed]{background:#ffd9d2}
sup.claim-source a{font:600 .7em/1 system-ui,sans-serif;text-decoration:none}
a.mention{color:inherit;text-decoration:underline dotted}
aside section{border-top:1px solid #ddd;margin-top:1rem}
.meta{color:#666;font-size:.9em}
table{border-collapse:collapse}td,th{padding:.2rem .5rem;text-align:left}
`

/** A whole page: title, optional extra head markup, and the body. */
export function layout({
  title,
  head,
  body,
}: {
  title: string
  head?: SafeHtml
  body: SafeHtml
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
<header class="site"><h1><a href="/">Sourced news</a></h1><a href="/claims">Claims</a>
<form action="/search" method="get" role="search"><input type="search" name="q" aria-label="Search"> <button>Search</button></form>
</header>
<main>
${body}
</main>
</body>
</html>
`.value
}
