import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CreditedCopy, creditFor, fillTemplate } from './desk.credit.js';
import { addedParagraphs, sameCopy } from './desk.text.js';

const copy = (sourceName: string, extra: Partial<CreditedCopy> = {}): CreditedCopy => ({
  sourceName,
  creditTemplate: '{source}',
  editedCreditTemplate: '{sources} with additional input by {desk}',
  indexPolicy: 'news_noindex',
  originalHeadline: 'Port strike halts exports',
  originalBodyText: 'Dock workers walked out at dawn.\nTalks resume on Monday.',
  ...extra,
});

test('copy published as received credits the agency alone and keeps its indexing policy', () => {
  const article = {
    headline: 'Port strike  halts exports',
    bodyText: 'Dock workers walked out\nat dawn. Talks resume on Monday.',
  };
  assert.deepEqual(creditFor(article, [copy('Harbour Press')], 'Courier Desk'), {
    credit_line: 'Harbour Press',
    wire_relationship: 'verbatim',
    wire_robots: 'news_noindex',
  });
});

test('edited copy credits the desk and is ours to index', () => {
  const article = {
    headline: 'Port strike halts exports',
    bodyText: 'Dock workers walked out at dawn.\nOur reporter saw it.',
  };
  assert.deepEqual(creditFor(article, [copy('Harbour Press')], 'Courier Desk'), {
    credit_line: 'Harbour Press with additional input by Courier Desk',
    wire_relationship: 'edited',
    wire_robots: null,
  });
});

test('several sources are named in order, each once; the strictest policy wins', () => {
  const items = [
    copy('Alpha Wire', { originalBodyText: 'One.' }),
    copy('Beta News', { originalBodyText: 'Two.', indexPolicy: 'noindex' }),
    copy('Alpha Wire', { originalBodyText: 'Three.' }),
  ];
  const verbatim = creditFor({ headline: 'Port strike halts exports', bodyText: 'One.\nTwo.\nThree.' }, items, 'Desk');
  assert.equal(verbatim?.credit_line, 'Alpha Wire and Beta News');
  assert.equal(verbatim?.wire_robots, 'noindex');
  const edited = creditFor({ headline: 'A new headline', bodyText: 'One.\nTwo.\nThree.' }, items, 'Desk');
  assert.equal(edited?.credit_line, 'Alpha Wire and Beta News with additional input by Desk');
});

test('templates are the source’s own wording', () => {
  assert.equal(fillTemplate('Source: {source}', ['A', 'B', 'C'], 'Desk'), 'Source: A, B and C');
  assert.equal(fillTemplate('{desk} from {sources} reports', ['RT'], 'GVS News Desk'), 'GVS News Desk from RT reports');
  const own = copy('RT', { editedCreditTemplate: 'RT, with reporting by {desk}', indexPolicy: 'index' });
  const credit = creditFor({ headline: 'Changed', bodyText: 'Changed.' }, [own], 'GVS News Desk');
  assert.equal(credit?.credit_line, 'RT, with reporting by GVS News Desk');
  const asReceived = creditFor(
    { headline: own.originalHeadline, bodyText: own.originalBodyText },
    [own],
    'GVS News Desk',
  );
  assert.equal(asReceived?.wire_robots, null, "an 'index' source asks for nothing");
});

test('no wire copy, no credit', () => {
  assert.equal(creditFor({ headline: 'x', bodyText: 'y' }, [], 'Desk'), null);
});

test('what the desk added, paragraph by paragraph', () => {
  const original = { headline: 'Port strike', bodyText: 'First.\nSecond.\nThird.' };
  const current = { headline: 'Port strike widens', bodyText: 'First.\nOur reporter at the gate.\nThird, rewritten.' };
  assert.deepEqual(addedParagraphs(original, current), {
    headlineChanged: true,
    added: ['Our reporter at the gate.', 'Third, rewritten.'],
    removedCount: 2,
  });
  assert.ok(sameCopy(original, { headline: ' Port  strike ', bodyText: 'First. Second.\n\nThird.' }));
  assert.ok(!sameCopy(original, { headline: 'Port strike', bodyText: 'First.\nSecond.' }));
});
