import type { ArticleKind, ArticleStatus, CommentsMode, NoteKind, StaffRole } from '../api/types';

export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  withdrawn: 'Withdrawn',
};

export const kindLabels: Record<ArticleKind, string> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  explainer: 'Explainer',
  interview: 'Interview',
  feature: 'Feature',
  review: 'Review',
  editorial: 'Editorial',
  obituary: 'Obituary',
  live: 'Live',
};

export const commentModeLabels: Record<CommentsMode, string> = {
  open: 'Open',
  premoderated: 'Pre-moderated',
  closed: 'Closed',
};

export const noteKindLabels: Record<NoteKind, string> = {
  correction: 'Correction',
  update: 'Update',
  clarification: 'Clarification',
};

export const roleLabels: Record<StaffRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  author: 'Author',
  contributor: 'Contributor',
  moderator: 'Moderator',
};

export const frontPageSlotLabel = (slot: number | null) =>
  slot === null ? 'Not on the front page' : slot === 0 ? 'Top story' : `Featured ${slot}`;

// Times are shown in the browser's time zone, which is also the one datetime-local inputs use.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTime.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateOnly.format(date);
}

export const formatTime = (date: Date) => timeOnly.format(date);

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a datetime-local input (local wall time). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value back to an ISO instant in UTC; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A URL slug like the server makes: lower case, ASCII letters and digits joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Shortens to `max` characters on a word boundary, as search engines do. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
