import { createElement, type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { wireApi } from '../api/client';
import type { DiffPart, WireAlert, WireAlertKind, WireItem, WirePubStatus } from '../api/types';
import { formatDateTime, formatTime } from '../lib/format';
import { href, navigate } from '../lib/router';
import { Badge } from '../ui/bits';
import { useToast } from '../ui/Dialog';
import { ErrorAlert, errorMessage, Field, fieldError } from '../ui/Field';

// ---------------------------------------------------------------- agency HTML, safely

/** Tags agency copy may show with in the preview (the server's allowlist; anything else is unwrapped). */
const keptTags = new Set(['p', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'blockquote', 'br', 'figure', 'figcaption']);
/** Dropped with everything inside them, should any reach the browser. */
const droppedTags = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math']);
const agencyHeadings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const safeLink = (value: string | null) => (value && /^(https?:|mailto:)/i.test(value.trim()) ? value.trim() : null);

/** `subhead` is the level the agency's own headings take, below the headline they sit under. */
function toReact(node: Node, key: string, subhead: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const tag = node.tagName.toLowerCase();
  if (droppedTags.has(tag)) return null;
  const children = Array.from(node.childNodes, (child, i) => toReact(child, `${key}.${i}`, subhead));
  if (tag === 'a') {
    const link = safeLink(node.getAttribute('href'));
    return link
      ? createElement('a', { key, href: link, target: '_blank', rel: 'noopener noreferrer nofollow' }, ...children)
      : createElement('span', { key }, ...children);
  }
  if (tag === 'img') {
    // Never loaded here: the newsroom fetches nothing from agencies' servers (privacy, and its CSP).
    const alt = node.getAttribute('alt')?.trim();
    const link = safeLink(node.getAttribute('src'));
    return (
      <span key={key} className="wire-body__image">
        Image{alt ? `: ${alt}` : ' (no description)'}
        {link ? (
          <>
            {' · '}
            <a href={link} target="_blank" rel="noopener noreferrer nofollow">
              open
            </a>
          </>
        ) : null}
      </span>
    );
  }
  if (agencyHeadings.has(tag)) return createElement(subhead, { key }, ...children);
  if (keptTags.has(tag)) return tag === 'br' ? <br key={key} /> : createElement(tag, { key }, ...children);
  return createElement('span', { key }, ...children);
}

/** What each kind of alert about adopted copy is called in the newsroom. */
export const alertLabels: Record<WireAlertKind, string> = {
  update: 'Agency update',
  applied: 'Update applied',
  correction: 'Agency correction',
  kill: 'Killed by the agency',
  withheld: 'Withheld by the agency',
  embargo: 'Embargo changed by the agency',
};

export const alertTone: Record<WireAlertKind, string> = {
  update: 'warning',
  applied: 'scheduled',
  correction: 'warning',
  kill: 'failed',
  withheld: 'failed',
  embargo: 'warning',
};

/**
 * Agency copy as React elements. The server sanitized it on ingest and again for the
 * preview; here it is parsed into an inert document (nothing in it runs or loads) and
 * rebuilt from an allowlist, so no markup of the agency's reaches the page as HTML.
 */
export function WireHtml({
  html,
  headingLevel,
  className,
}: {
  html: string;
  headingLevel: number;
  className?: string;
}) {
  const content = useMemo(() => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const subhead = `h${Math.min(6, headingLevel + 1)}`;
    return Array.from(doc.body.childNodes, (node, i) => toReact(node, String(i), subhead));
  }, [html, headingLevel]);
  return <div className={['wire-body', className ?? ''].join(' ').trim()}>{content}</div>;
}

// ---------------------------------------------------------------- small pieces

/** Word differences: added runs underlined, removed ones struck through (as in an article's history). */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="diff__text">
      {parts.map((part, i) =>
        part.change === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one diff never move
          <ins key={i}>{part.text}</ins>
        ) : part.change === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one diff never move
          <del key={i}>{part.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one diff never move
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** "Embargoed until 14:00" today, with the date on another day; null once the embargo has passed. */
export function embargoText(iso: string | null, now = new Date()): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) return null;
  return at.toDateString() === now.toDateString()
    ? `Embargoed until ${formatTime(at)}`
    : `Embargoed until ${formatDateTime(iso)}`;
}

export function EmbargoBadge({ until }: { until: string | null }) {
  const text = embargoText(until);
  return text ? <Badge tone="embargo">{text}</Badge> : null;
}

const pubStatusText: Record<Exclude<WirePubStatus, 'usable'>, string> = {
  canceled: 'Killed by the agency',
  withheld: 'Withheld by the agency',
};

/** The agency's kill or withhold, flagged red; nothing for usable copy. */
export function PubStatusBadge({ status }: { status: WirePubStatus | null }) {
  if (!status || status === 'usable') return null;
  return <Badge tone="failed">{pubStatusText[status]}</Badge>;
}

export const itemStatusLabels: Record<WireItem['status'], string> = {
  new: 'New',
  ignored: 'Ignored',
  adopted: 'Adopted',
};

/** A signal as the desk reads it: "update", "correction", "kill". */
export const signalText = (signal: string) => signal.replace(/[_-]+/g, ' ');

// ---------------------------------------------------------------- "Add from URL"

/** Paste a web article's address: its text is extracted into the inbox, which then opens on it. */
export function AddFromUrlForm() {
  const toast = useToast();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const item = await wireApi.addFromUrl(url.trim());
      setUrl('');
      toast(`Added to the inbox: ${item.headline}`);
      await navigate(href(`/wire?item=${item.id}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="wire-from-url" onSubmit={(e) => void submit(e)} aria-label="Add from URL">
      <Field label="Add a web article from its address" error={fieldError(error, 'url')} className="field--grow">
        {(control) => (
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], hintId].filter(Boolean).join(' ')}
            type="url"
            value={url}
            placeholder="https://"
            onChange={(e) => setUrl(e.target.value)}
            required
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={busy || !url.trim()}>
        {busy ? 'Adding…' : 'Add from URL'}
      </button>
      <p id={hintId} className="field__hint">
        Its text is extracted into the inbox, credited to the site it comes from.
      </p>
      {error && !fieldError(error, 'url') ? <ErrorAlert error={error} fields={['url']} /> : null}
    </form>
  );
}

/**
 * "Mark as dealt with" for an alert about adopted copy: resolves it through the Admin API
 * (which checks the right to edit its article) and says so, or why not. `about` names the
 * article for screen readers where several alerts are listed.
 */
export function ResolveAlertButton({
  alert,
  about,
  onResolved,
}: {
  alert: WireAlert;
  about?: string;
  onResolved: (alert: WireAlert) => void;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const resolve = async () => {
    setBusy(true);
    try {
      await wireApi.resolveAlert(alert.id);
      onResolved(alert);
      toast(about ? `Marked as dealt with: ${about}` : 'Marked as dealt with');
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button button--small" disabled={busy} onClick={() => void resolve()}>
      Mark as dealt with
      {about ? <span className="visually-hidden">: {about}</span> : null}
    </button>
  );
}
