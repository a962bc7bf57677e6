import type { ArticleRecord, ArticlesService } from '../../articles/articles.service.js';
import { type Clock, iso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { MailService } from '../../mail/mail.service.js';
import type { StaffService } from '../../newsroom/staff.service.js';
import type { WireAlertKind } from '../wire.table.js';
import type { VersionDiff } from './desk.present.js';
import * as q from './desk.queries.js';
import type { DiffPart } from './desk.text.js';

export interface AlertDeps {
  db: Db;
  clock: Clock;
  articles: ArticlesService;
  staff: StaffService;
  mail: MailService;
  publicUrl: string;
}

export interface NewAlert {
  article: ArticleRecord;
  itemId: number;
  kind: WireAlertKind;
  message: string;
  diff: VersionDiff | null;
}

const subjects: Record<WireAlertKind, string> = {
  update: 'Agency update',
  applied: 'Agency update applied',
  correction: 'Agency correction',
  kill: 'Agency kill',
  withheld: 'Agency withheld',
  embargo: 'Agency embargo changed',
};

/** A diff as a mail can show it: [+added+] and [-removed-], kept short. */
function diffAsText(parts: DiffPart[], max = 4000): string {
  const text = parts
    .map((p) => (p.change === 'added' ? `[+${p.text}+]` : p.change === 'removed' ? `[-${p.text}-]` : p.text))
    .join('');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Alerts for the editors of an article carrying wire copy: stored for the newsroom and
 * mailed to the article's creator and everyone who saved a version of it, in one
 * transaction, so an alert is never recorded without its mail or mailed twice.
 */
export class WireAlerts {
  constructor(private readonly deps: AlertDeps) {}

  /** Raises the alert once (a repeated job finds the same one); returns its id, or null when it existed. */
  async raise(alert: NewAlert): Promise<number | null> {
    const { db } = this.deps;
    const same = await q.findSameAlert(db.kysely, {
      articleId: alert.article.id,
      itemId: alert.itemId,
      kind: alert.kind,
      message: alert.message,
    });
    if (same) return null;
    const recipients = await this.recipientsOf(alert.article);
    const mail = this.mailOf(alert);
    return db.kysely.transaction().execute(async (trx) => {
      const { id } = await q.insertAlert(trx, {
        article_id: alert.article.id,
        wire_item_id: alert.itemId,
        kind: alert.kind,
        message: alert.message,
        diff: alert.diff ? JSON.stringify(alert.diff) : null,
        created_at: iso(this.deps.clock.now()),
        resolved_at: null,
        resolved_by: null,
      });
      for (const to of recipients) await this.deps.mail.send({ kind: 'wire.alert', to, ...mail }, { trx });
      return id;
    });
  }

  /** The creator and the editors (whoever saved a revision) who can still sign in. */
  private async recipientsOf(article: ArticleRecord): Promise<string[]> {
    const revisions = await this.deps.articles.history.listRevisions(article.id);
    const ids = new Set<number>();
    if (article.created_by) ids.add(article.created_by);
    for (const r of revisions) if (r.staffId) ids.add(r.staffId);
    const emails: string[] = [];
    for (const id of ids) {
      const person = await this.deps.staff.findById(id).catch(() => null);
      if (person?.status === 'active') emails.push(person.email);
    }
    return emails;
  }

  private mailOf(alert: NewAlert): { subject: string; text: string } {
    const link = `${this.deps.publicUrl}/newsroom/articles/${alert.article.id}`;
    const lines = [alert.message, '', `Open the article in the newsroom: ${link}`];
    if (alert.diff) {
      lines.push(
        '',
        `What changed between versions ${alert.diff.fromVersion} and ${alert.diff.toVersion} ([+added+], [-removed-]):`,
        '',
        `Headline: ${diffAsText(alert.diff.headline, 500)}`,
        '',
        diffAsText(alert.diff.body),
      );
    }
    return { subject: `${subjects[alert.kind]}: ${alert.article.headline}`, text: `${lines.join('\n')}\n` };
  }
}
