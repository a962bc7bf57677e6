const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Year, month and day of an instant in the site's time zone ("2026", "11", "28"). */
export function localDateParts(isoTime: string, timeZone: string): [string, string, string] {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  const [y = '1970', m = '01', d = '01'] = formatter.format(new Date(isoTime)).split('-');
  return [y, m, d];
}

/** /world/2026/11/28/some-story: section, the local date it was first published, slug. */
export function articlePath(
  sectionSlug: string,
  firstPublishedAt: string | null,
  slug: string,
  timeZone: string,
): string {
  if (!firstPublishedAt) return `/${sectionSlug}/draft/${slug}`;
  const [y, m, d] = localDateParts(firstPublishedAt, timeZone);
  return `/${sectionSlug}/${y}/${m}/${d}/${slug}`;
}

export const sectionPath = (slug: string) => `/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const storyPath = (slug: string) => `/story/${slug}`;
