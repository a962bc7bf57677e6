import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countLinks, renderCommentBody } from './comments.markdown.js';

describe('the comment markdown subset', () => {
  test('paragraphs and line breaks', () => {
    assert.equal(renderCommentBody('One\ntwo\n\n\nThree'), '<p>One<br />two</p><p>Three</p>');
  });

  test('bold and italic', () => {
    assert.equal(
      renderCommentBody('This is **bold**, *italic* and _also italic_; 2*3*4 stays.'),
      '<p>This is <strong>bold</strong>, <em>italic</em> and <em>also italic</em>; 2*3*4 stays.</p>',
    );
    assert.equal(renderCommentBody('snake_case_name'), '<p>snake_case_name</p>');
  });

  test('quotes', () => {
    assert.equal(
      renderCommentBody('> The council said\n> it would act.\n\nIt did not.'),
      '<blockquote><p>The council said<br />it would act.</p></blockquote><p>It did not.</p>',
    );
  });

  test('links carry rel="nofollow ugc noopener"; bare addresses leave the full stop behind', () => {
    assert.equal(
      renderCommentBody('See [the report](https://example.com/r?a=1&b=2) and https://example.org/x.'),
      '<p>See <a href="https://example.com/r?a=1&amp;b=2" rel="nofollow ugc noopener">the report</a> and ' +
        '<a href="https://example.org/x" rel="nofollow ugc noopener">https://example.org/x</a>.</p>',
    );
  });

  test('typed HTML is shown as text', () => {
    assert.equal(renderCommentBody('<b>hi</b> & bye'), '<p>&lt;b&gt;hi&lt;/b&gt; &amp; bye</p>');
  });

  test('countLinks counts addresses and www. names', () => {
    assert.equal(countLinks('a https://x.example b http://y.example c www.z.example d example.com'), 3);
  });
});

/** Known XSS shapes (OWASP's filter evasion cheat sheet and friends), as a reader might type them. */
const vectors = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[x](https://example.com" onmouseover="alert(1))',
  "[x](https://example.com' onmouseover='alert(1))",
  'https://example.com/"onmouseover="alert(1)',
  'https://example.com/<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '[x](&#106;avascript:alert(1))',
  '<img src="x" onerror="alert(1)"',
  '<scr<script>ipt>alert(1)</script>',
  '<style>*{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<a href="https://example.com" onclick="alert(1)">x</a>',
  '**<img src=x onerror=alert(1)>**',
  '> <script>alert(1)</script>',
  '[**bold <svg onload=alert(1)>**](https://example.com)',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '\u0000<script>alert(1)</script>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '[x](https://user:pass@example.com)',
];

describe('XSS vectors never produce a tag or attribute outside the allowed set', () => {
  const allowed = new Set(['p', 'br', 'strong', 'em', 'blockquote', 'a']);
  for (const vector of vectors) {
    test(JSON.stringify(vector).slice(0, 70), () => {
      const html = renderCommentBody(vector);
      for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
        const [, tag, rest] = m as unknown as [string, string, string];
        assert.ok(allowed.has(tag.toLowerCase()), `tag <${tag}> in ${html}`);
        const attrs = [...rest.matchAll(/([^\s=/]+)\s*=\s*"([^"]*)"/g)];
        const bare = rest.replace(/([^\s=/]+)\s*=\s*"([^"]*)"/g, '').replace(/[\s/]/g, '');
        assert.equal(bare, '', `stray attribute text in ${html}`);
        for (const [, name, value] of attrs as unknown as [string, string, string][]) {
          assert.ok(tag === 'a' && (name === 'href' || name === 'rel'), `attribute ${name} on <${tag}> in ${html}`);
          if (name === 'href') assert.match(value, /^https?:\/\/[^\s"'<>]+$/, `href ${value}`);
          if (name === 'rel') assert.equal(value, 'nofollow ugc noopener');
        }
      }
      // No raw angle bracket or quote escapes the escaping outside the tags we put there.
      const text = html.replace(/<\/?(p|br|strong|em|blockquote|a)( [^>]*)?\s*\/?>/g, '');
      assert.doesNotMatch(text, /[<>]/, `raw bracket in ${html}`);
    });
  }
  test(`at least 20 vectors (${vectors.length})`, () => assert.ok(vectors.length >= 20));
});
