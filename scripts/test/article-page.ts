/**
 * A news article page with the metadata import by URL reads (Open Graph, author, published time) and
 * a script that must never run, served by the URL import tests' local page servers (int and e2e).
 */
export const ARTICLE_PAGE = `<!doctype html><html lang="en"><head>
<title>Budget rises | Daily Example</title>
<meta property="og:title" content="Budget rises by 4 percent">
<meta property="og:site_name" content="Daily Example">
<meta name="author" content="Ana Reporter">
<meta property="article:published_time" content="2026-03-02T08:00:00Z">
<script>document.cookie</script>
</head><body><nav>Home · World</nav><article><h1>Budget rises by 4 percent</h1>
<p>The city budget rose by 4 percent this year, the council said on Monday, after two years of cuts.</p>
<p>Spending on schools grew fastest, while roads received less than planned, according to the figures.</p>
<p>The opposition called the numbers misleading and asked for an independent review of the accounts.</p>
</article></body></html>`;
