/**
 * sessions.json pages by a cursor: `before=<_id of the last session seen>` gives the next (older)
 * page of ten, newest first. A short page is the last one.
 */
export const SESSIONS_PAGE_SIZE = 10;

export function nextCursor<T extends { _id: string }>(page: readonly T[], pageSize = SESSIONS_PAGE_SIZE): string | undefined {
  if (page.length < pageSize) return undefined;
  return page[page.length - 1]?._id;
}

/** All pages as one list, newest first, each session once (a page may repeat one after a delete). */
export function flattenPages<T extends { _id: string }>(pages: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const page of pages) {
    for (const item of page) {
      if (seen.has(item._id)) continue;
      seen.add(item._id);
      out.push(item);
    }
  }
  return out;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago"; "just now" under a minute. */
export function timeAgo(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  const fmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return fmt.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
