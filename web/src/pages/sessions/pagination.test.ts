import { describe, expect, it } from 'vitest';
import { flattenPages, nextCursor, SESSIONS_PAGE_SIZE, timeAgo } from './pagination';

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ _id: String(from - i).padStart(24, '0') }));

describe('sessions cursor', () => {
  it('a full page points at its last (oldest) session', () => {
    const page = ids(100, SESSIONS_PAGE_SIZE);
    expect(nextCursor(page)).toBe(String(91).padStart(24, '0'));
  });

  it('a short or empty page is the last one', () => {
    expect(nextCursor(ids(5, 3))).toBeUndefined();
    expect(nextCursor([])).toBeUndefined();
  });

  it('joins pages in order, each session once', () => {
    const first = ids(20, 10);
    const second = [...ids(11, 1), ...ids(10, 9)];
    const all = flattenPages([first, second]);
    expect(all).toHaveLength(19);
    expect(all[0]?._id).toBe(String(20).padStart(24, '0'));
    expect(all.at(-1)?._id).toBe(String(2).padStart(24, '0'));
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(timeAgo('2026-01-10T11:59:40Z', now)).toBe('just now');
    expect(timeAgo('2026-01-10T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(timeAgo('2026-01-09T12:00:00Z', now)).toMatch(/yesterday|1 day ago/);
    expect(timeAgo('not a date', now)).toBe('not a date');
  });
});
