import { useEffect, useMemo, useState } from 'react';
import { queryString } from '../api/client';
import { type ArticleSummary, articleStatuses, type List } from '../api/types';
import { useCollection } from '../lib/collections';
import { formatDateTime, statusLabels } from '../lib/format';
import { Link, setQuery, useLocation } from '../lib/router';
import { useCan } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Async, Badge, PageHeader, Pagination, StatusBadge } from '../ui/bits';
import { ErrorAlert } from '../ui/Field';

const pageSize = 20;
const filterKeys = ['status', 'sectionId', 'authorId', 'tagId', 'q'] as const;

export function sectionName(summary: ArticleSummary, sections: { id: number; name: string }[]): string {
  if (typeof summary.section === 'string') return summary.section;
  if (summary.section && typeof summary.section === 'object') return summary.section.name;
  return sections.find((s) => s.id === summary.sectionId)?.name ?? '';
}

export function ArticleListPage() {
  const { query } = useLocation();
  const can = useCan();
  const sections = useCollection('sections');
  const authors = useCollection('authors');
  const tags = useCollection('tags');

  const search = query.toString();
  const filters = useMemo(() => {
    const params = new URLSearchParams(search);
    return Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Record<
      (typeof filterKeys)[number],
      string
    >;
  }, [search]);
  const page = Math.max(1, Number(query.get('page')) || 1);

  // The search box answers as one types, but asks the server only once typing pauses.
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = window.setTimeout(() => setQuery({ ...filters, q: text, page: null }), 300);
    return () => window.clearTimeout(timer);
  }, [text, filters]);

  const list = useApi<List<ArticleSummary>>(`/articles${queryString({ ...filters, page, limit: pageSize })}`);
  const items = list.data?.items ?? [];
  const filtered = filterKeys.some((k) => filters[k]);

  const setFilter = (key: (typeof filterKeys)[number], value: string) =>
    setQuery({ ...filters, [key]: value, page: null });

  return (
    <>
      <PageHeader
        title="Articles"
        actions={
          can('articles.create') ? (
            <Link to="/articles/new" className="button button--primary">
              New article
            </Link>
          ) : null
        }
      />
      <search className="filters" aria-label="Filter articles">
        <div className="field field--grow">
          <label htmlFor="filter-q">Search</label>
          <input
            id="filter-q"
            type="search"
            value={text}
            placeholder="Headline or text"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">All statuses</option>
            {articleStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-section">Section</label>
          <select
            id="filter-section"
            value={filters.sectionId}
            onChange={(e) => setFilter('sectionId', e.target.value)}
          >
            <option value="">All sections</option>
            {sections.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">Author</label>
          <select id="filter-author" value={filters.authorId} onChange={(e) => setFilter('authorId', e.target.value)}>
            <option value="">All authors</option>
            {authors.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-tag">Tag</label>
          <select id="filter-tag" value={filters.tagId} onChange={(e) => setFilter('tagId', e.target.value)}>
            <option value="">All tags</option>
            {tags.items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button type="button" className="button button--ghost filters__clear" onClick={() => setQuery({})}>
            Clear filters
          </button>
        ) : null}
      </search>

      <Async loading={list.loading} error={list.error} hasData={list.data !== undefined}>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <p className="muted list-count" aria-live="polite">
          {list.data ? `${list.data.total} ${list.data.total === 1 ? 'article' : 'articles'}` : ''}
          {list.loading ? ' · updating…' : ''}
        </p>
        {items.length === 0 ? (
          <div className="empty">
            <p>{filtered ? 'No articles match these filters.' : 'No articles yet.'}</p>
            {!filtered && can('articles.create') ? (
              <Link to="/articles/new" className="button">
                Write the first one
              </Link>
            ) : null}
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table articles-table">
              <thead>
                <tr>
                  <th scope="col">Headline</th>
                  <th scope="col">Status</th>
                  <th scope="col">Section</th>
                  <th scope="col">Authors</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td className="articles-table__headline">
                      <Link to={`/articles/${a.id}`}>{a.headline || 'Untitled'}</Link>
                      <span className="articles-table__flags">
                        {a.isBreaking ? <Badge tone="breaking">Breaking</Badge> : null}
                        {a.frontPageSlot === 0 ? <Badge tone="slot">Top story</Badge> : null}
                        {a.frontPageSlot && a.frontPageSlot > 0 ? (
                          <Badge tone="slot">Featured {a.frontPageSlot}</Badge>
                        ) : null}
                      </span>
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                      {a.status === 'scheduled' && a.scheduledAt ? (
                        <span className="cell-note">
                          for <time dateTime={a.scheduledAt}>{formatDateTime(a.scheduledAt)}</time>
                        </span>
                      ) : null}
                      {a.status === 'published' && a.publishedAt ? (
                        <span className="cell-note">
                          <time dateTime={a.publishedAt}>{formatDateTime(a.publishedAt)}</time>
                        </span>
                      ) : null}
                    </td>
                    <td>{sectionName(a, sections.items)}</td>
                    <td>{a.authors.map((p) => p.name).join(', ')}</td>
                    <td>
                      <time dateTime={a.modifiedAt}>{formatDateTime(a.modifiedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data ? (
          <Pagination
            page={list.data.page}
            limit={list.data.limit}
            total={list.data.total}
            onPage={(p) => setQuery({ ...filters, page: p === 1 ? null : p })}
          />
        ) : null}
      </Async>
    </>
  );
}
