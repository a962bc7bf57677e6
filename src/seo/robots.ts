/**
 * robots.txt: everything readers see may be crawled; the newsroom and the APIs may not.
 * Paths carry the public URL's own path when the site lives below a host's root.
 */
export function robotsTxt(publicUrl: string): string {
  const base = new URL(publicUrl).pathname.replace(/\/+$/, '');
  return [
    'User-agent: *',
    'Allow: /',
    `Disallow: ${base}/newsroom/`,
    `Disallow: ${base}/api/`,
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    `Sitemap: ${publicUrl}/sitemaps/news.xml`,
    '',
  ].join('\n');
}
