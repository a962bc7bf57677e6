import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyReferences, bodyText, htmlToBody, renderBody } from './body.render.js';

test('foreign HTML loses scripts, handlers and javascript: links on the way in', () => {
  const doc = htmlToBody(
    '<p onclick="alert(1)">Hello <a href="javascript:alert(1)">bad</a> <a href="https://example.org/x">good</a></p>' +
      '<script>alert(1)</script><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>' +
      '<h1>Big</h1><style>body{}</style>',
  );
  const { html } = renderBody(doc, new Map());
  assert.doesNotMatch(html, /script|onclick|onerror|javascript:|iframe|<style/i);
  assert.match(html, /<a href="https:\/\/example.org\/x">good<\/a>/);
  assert.match(html, /<h2>Big<\/h2>/, 'h1 becomes h2: the headline is the page’s only h1');
});

test('the body renders headings, lists, quotes, pull quotes and figures', () => {
  const doc = htmlToBody(
    '<h2>What happened</h2><p>Text with <strong>bold</strong> and <em>italic</em>.</p><ul><li><p>one</p></li></ul>' +
      '<blockquote><p>Quoted.</p></blockquote><figure class="pull-quote"><blockquote>Pulled.</blockquote><figcaption>A source</figcaption></figure>',
  );
  const { html, text, wordCount } = renderBody(doc, new Map());
  assert.match(html, /<h2>What happened<\/h2>/);
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /<em>italic<\/em>/);
  assert.match(html, /<ul><li><p>one<\/p><\/li><\/ul>/);
  assert.match(html, /<blockquote><p>Quoted.<\/p><\/blockquote>/);
  assert.match(
    html,
    /<figure class="pull-quote"><blockquote>Pulled.<\/blockquote><figcaption>A source<\/figcaption><\/figure>/,
  );
  assert.equal(text.split('\n')[0], 'What happened');
  assert.equal(wordCount, text.split(/\s+/).filter(Boolean).length);
});

test('"Read more" cards link their target and escape its headline; unknown targets vanish', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'readMore', attrs: { articleId: 7 } },
      { type: 'readMore', attrs: { articleId: 8 } },
    ],
  };
  assert.deepEqual(bodyReferences(doc).articleIds, [7, 8]);
  const { html, linkedArticleIds } = renderBody(
    doc,
    new Map([[7, { headline: 'Fish & <chips>', href: '/city/2026/01/01/fish' }]]),
  );
  assert.match(
    html,
    /<a href="\/city\/2026\/01\/01\/fish"><span class="read-more__label">Read more<\/span><span class="read-more__headline">Fish &amp; &lt;chips&gt;<\/span><\/a>/,
  );
  assert.doesNotMatch(html, /article-id="8"/);
  assert.deepEqual(linkedArticleIds.sort(), [7, 8]);
  assert.equal(bodyText(doc), '');
});

test('embeds render as a safe link card, never a frame', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'embed', attrs: { url: 'https://video.example/watch?v=1', provider: 'Video', title: 'Harbour at dawn' } },
      { type: 'embed', attrs: { url: 'javascript:alert(1)', provider: 'x', title: 'bad' } },
    ],
  };
  const { html } = renderBody(doc, new Map());
  assert.match(
    html,
    /<a href="https:\/\/video.example\/watch\?v=1" rel="noopener nofollow" class="embed__link">Harbour at dawn<\/a>/,
  );
  assert.doesNotMatch(html, /javascript:|<iframe/);
});

test('a library figure shows only once its variants exist, never the address the editor used', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
      { type: 'figure', attrs: { imageId: 7, src: '/api/admin/media/7/original', alt: 'Quay', caption: 'Low tide' } },
    ],
  };
  const pending = renderBody(doc, new Map()).html;
  assert.doesNotMatch(pending, /<figure|api\/admin/);
  assert.match(pending, /Before\./);
  const ready = renderBody(
    doc,
    new Map(),
    new Map([
      [
        7,
        {
          src: '/media/images/q/800.jpg',
          srcset: '/media/images/q/800.jpg 800w',
          width: 800,
          height: 500,
          alt: 'Library alt',
          caption: '',
          credit: 'Courier',
        },
      ],
    ]),
  ).html;
  assert.match(ready, /<img src="\/media\/images\/q\/800\.jpg"[^>]*alt="Quay"/);
  assert.match(ready, /Low tide/);
  assert.doesNotMatch(ready, /api\/admin/);
});
