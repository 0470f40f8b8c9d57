// The card as HTML, for the page of a new webview (src/cardHtml.ts, webview/card/vnode.ts): parsed back with parse5
// (an HTML parser that follows the HTML standard, as browsers do), it must give exactly the tree the webview builds
// with DOM calls. So every text and attribute value of every card of the sample and of the hostile fixture comes back
// unchanged, no element appears that the tree does not have, and inside markdown blocks only markdown-it's inert
// markup appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DefaultTreeAdapterMap, parse, parseFragment, serialize } from 'parse5';
import { checkSeed } from '../../src/core/checker';
import { Check } from '../../src/core/check';
import { marksFor } from '../../src/core/marks';
import { Paper } from '../../src/core/model';
import { parseSeed } from '../../src/core/parser';
import { cardPage, pageBodyHtml } from '../../src/cardHtml';
import type { Card } from '../../webview/card/protocol';
import { renderCard, renderMissing } from '../../webview/card/render';
import { VNode, escapeAttribute, escapeText, h, toHtml } from '../../webview/card/vnode';
import { REPO_ROOT, SAMPLE_SEED } from './paths';

type Node5 = DefaultTreeAdapterMap['childNode'];
type Element5 = DefaultTreeAdapterMap['element'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** What a DOM text node or attribute holds after the page is parsed (NUL cannot be written in HTML). */
const parsed = (text: string) => text.replace(/\0/g, '\uFFFD');

/** Adjacent strings are one text node in parsed HTML, and empty ones are none. */
function normalize(children: VNode[]): VNode[] {
  const out: VNode[] = [];
  for (const child of children) {
    if (typeof child === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += child;
    else out.push(child);
  }
  return out.filter((c) => c !== '');
}

const MARKDOWN_TAGS = new Set(['p', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

/** markdown-it's output with raw HTML, links and images off: inert tags, no attribute that could act. */
function assertInertMarkdown(node: Element5, path: string): void {
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') continue;
    const element = child as Element5;
    assert.ok(MARKDOWN_TAGS.has(element.tagName), `${path}: markdown made <${element.tagName}>`);
    for (const { name, value } of element.attrs) {
      const fine = (name === 'start' && /^\d+$/.test(value)) || (name === 'class' && /^language-\S*$/.test(value)) || (name === 'style' && /^text-align:(left|right|center)$/.test(value));
      assert.ok(fine, `${path}: markdown attribute ${name}="${value}"`);
    }
    assertInertMarkdown(element, `${path} > ${element.tagName}`);
  }
}

/** The parsed nodes are exactly the tree's: same elements, namespaces, attributes and texts, in order. */
function assertSameTree(expected: VNode[], actual: Node5[], path: string): void {
  const want = normalize(expected);
  assert.equal(actual.length, want.length, `${path}: ${actual.length} nodes parsed, ${want.length} in the tree (${actual.map((n) => n.nodeName).join(', ')})`);
  want.forEach((node, i) => {
    const got = actual[i];
    if (typeof node === 'string') {
      assert.equal(got.nodeName, '#text', `${path}[${i}] is text`);
      assert.equal((got as DefaultTreeAdapterMap['textNode']).value, parsed(node), `${path}[${i}] text`);
      return;
    }
    const element = got as Element5;
    const here = `${path} > ${node.tag}`;
    assert.equal(element.tagName, node.tag, `${path}[${i}] element`);
    assert.equal(element.namespaceURI, node.svg ? SVG_NS : HTML_NS, `${here} namespace`);
    const attributes = Object.fromEntries(element.attrs.map((a) => [a.name, a.value]));
    assert.deepEqual(attributes, Object.fromEntries(Object.entries(node.attributes).map(([k, v]) => [k, parsed(v)])), `${here} attributes`);
    if (node.trustedHtml !== undefined) {
      // Exactly markdown-it's markup, as it would be parsed on its own (innerHTML in the webview), and inert.
      assert.equal(serialize(element), serialize(parseFragment(node.trustedHtml)), `${here} markdown`);
      assertInertMarkdown(element, here);
    } else {
      assertSameTree(node.children, element.childNodes, here);
    }
  });
}

function assertPageParses(nodes: VNode[], label: string): void {
  const html = nodes.map(toHtml).join('');
  // The page's <main id="card"> is in <body>: parse in that context.
  const main = parseFragment(parseFragment('<main></main>').childNodes[0] as DefaultTreeAdapterMap['parentNode'], html, {});
  assertSameTree(nodes, main.childNodes, label);
}

function cardOf(paper: Paper, checks: Check[] | undefined): Card {
  return {
    checks,
    marks: checks && marksFor(paper, checks),
    title: paper.title.text,
    scores: paper.scores.map((s, i) => ({ label: `Score ${i + 1}`, raw: s.raw })),
    citations: paper.citations.value,
    summary: paper.summary?.text,
    keyFinding: paper.keyFinding?.text,
    numbers: paper.numbers?.text,
    source: 'seeds/digest.txt',
    line: paper.title.range.line + 1,
  };
}

for (const [name, file] of [
  ['sample', SAMPLE_SEED],
  ['hostile fixture', join(REPO_ROOT, 'test', 'fixtures', 'hostile.txt')],
] as const) {
  test(`every card of the ${name} parses back to the tree the webview builds, with and without checks`, () => {
    const { papers } = checkSeed(parseSeed(readFileSync(file, 'utf8')));
    assert.ok(papers.length > 0);
    let marked = 0;
    for (const { paper, checks } of papers) {
      for (const card of [cardOf(paper, undefined), cardOf(paper, checks)]) {
        assertPageParses(renderCard(card), `${name} card ${paper.index}`);
        marked += card.marks?.length ?? 0;
      }
    }
    if (name === 'sample') assert.ok(marked > 10, `the sample's cards carry marks (${marked})`);
  });
}

test('the hostile cards become no element of their own: their markup is text', () => {
  const { papers } = checkSeed(parseSeed(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'hostile.txt'), 'utf8')));
  for (const { paper, checks } of papers) {
    const html = pageBodyHtml({ kind: 'card', card: cardOf(paper, checks), state: { uri: 'file:///x.txt', index: paper.index, title: paper.title.text } });
    const fragment = parseFragment(html);
    const tags = new Set<string>();
    const walk = (nodes: Node5[]) => {
      for (const n of nodes) {
        if (n.nodeName === '#text' || n.nodeName === '#comment') continue;
        const e = n as Element5;
        tags.add(e.tagName);
        for (const a of e.attrs) assert.doesNotMatch(a.name, /^on/i, `no event handler attribute (${a.name})`);
        walk(e.childNodes);
      }
    };
    walk(fragment.childNodes);
    for (const tag of ['script', 'img', 'iframe', 'style', 'link', 'object', 'embed', 'form', 'input', 'meta', 'base']) assert.ok(!tags.has(tag), `no <${tag}> in card ${paper.index}`);
    assert.ok(fragment.childNodes.every((n) => n.nodeName !== '#comment'), 'no comment');
  }
});

test('the page\'s "missing" content parses back too', () => {
  assertPageParses(renderMissing('<b>gone</b> & "quoted"', 'This paper is no longer in its seed file.'), 'missing');
  assert.equal(pageBodyHtml({ kind: 'missing', title: '<b>', reason: 'r' }), '<h1>&lt;b&gt;</h1><p class="status">r</p>');
});

test('any text and attribute value survives the trip through HTML', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (text, value) => {
      assertPageParses([h('p', { title: value, 'aria-label': text }, text, h('span', {}, value))], 'p');
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '!', '-', '\r', '\n', '\0', 'a', ' ', '=', '#', ';', 'x', '1'), maxLength: 30 }), (text) => {
      assertPageParses([h('p', { title: text }, text)], 'p');
    }),
    { numRuns: 2000 },
  );
});

test('escaping: markup characters, quotes, CR and NUL', () => {
  assert.equal(escapeText('<a href="x">&amp;</a>\r\0'), '&lt;a href="x"&gt;&amp;amp;&lt;/a&gt;&#13;\uFFFD');
  assert.equal(escapeAttribute('" onmouseover="x" <>&'), '&quot; onmouseover=&quot;x&quot; &lt;&gt;&amp;');
  assert.throws(() => toHtml(h('p', { 'on click': 'x' })), /not an attribute name/);
  assert.throws(() => toHtml(h('p><script', {})), /not an element name/);
  assert.throws(() => toHtml(h('br', {}, 'text')), /cannot have content/);
});

test('the page: strict CSP, the nonce on its own style and scripts only, card.js as exact text, nothing to fetch', () => {
  const { papers } = checkSeed(parseSeed(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'hostile.txt'), 'utf8')));
  const { paper, checks } = papers[0];
  const state = { uri: 'file:///w/x.txt', index: paper.index, title: paper.title.text };
  // card.js stands for itself here: any text, markup and script-ending sequences included.
  const code = 'if (a <!-- b) x = "</script><script>alert(1)</script>"; // </template> &amp; \r\n';
  const parts = { nonce: 'N0nce123', css: 'body { color: red; }\n', boot: 'void 0;', code, surface: 'editor' as const };
  const document = parse(cardPage(parts, { kind: 'card', card: cardOf(paper, checks), state }));
  const all: Element5[] = [];
  const walk = (node: { childNodes?: Node5[] }) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text' || child.nodeName === '#comment' || child.nodeName === '#documentType') continue;
      all.push(child as Element5);
      walk(child as Element5);
      if ((child as Element5).tagName === 'template') walk((child as DefaultTreeAdapterMap['template']).content);
    }
  };
  walk(document);
  const attr = (e: Element5, name: string) => e.attrs.find((a) => a.name === name)?.value;
  const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
  assert.equal(attr(csp!, 'content'), "default-src 'none'; style-src 'nonce-N0nce123'; script-src 'nonce-N0nce123'");
  const scripts = all.filter((e) => e.tagName === 'script');
  assert.deepEqual(scripts.map((s) => [attr(s, 'id'), attr(s, 'nonce')]), [['card-boot', 'N0nce123']], 'one script element: the boot script');
  assert.deepEqual(all.filter((e) => e.tagName === 'style').map((s) => attr(s, 'nonce')), ['N0nce123']);
  const template = all.find((e) => e.tagName === 'template') as DefaultTreeAdapterMap['template'];
  assert.equal(attr(template, 'id'), 'card-code');
  assert.deepEqual(template.content.childNodes.map((n) => (n as DefaultTreeAdapterMap['textNode']).value), [code], 'card.js comes back as one exact text');
  assert.ok(all.every((e) => !e.attrs.some((a) => ['src', 'href', 'srcset', 'action', 'data'].includes(a.name) && e.tagName !== 'a')), 'nothing to fetch');
  const main = all.find((e) => attr(e, 'id') === 'card')!;
  assert.deepEqual(JSON.parse(attr(main, 'data-state')!), state, 'the state round-trips');
  assert.equal(attr(main, 'aria-labelledby'), 'card-title');
  assert.throws(() => cardPage({ ...parts, boot: 'x = "</script>"' }, undefined), /cannot be put into the page/);
  assert.throws(() => cardPage({ ...parts, nonce: 'a" onload="x' }, undefined), /not a nonce/);
  assert.throws(() => cardPage({ ...parts, surface: 'x" onload="y' as 'editor' }, undefined), /not a page surface/);
  assert.equal(attr(all.find((e) => e.tagName === 'body')!, 'class'), 'surface-editor', 'the page knows where it is (the side bar has its own look)');
  // The loading page: no card, no state.
  const loading = parse(cardPage(parts, undefined));
  assert.match(serialize(loading), /<main id="card" aria-live="polite"><p class="status">Loading card…<\/p><\/main>/);
  // The side bar's page before any paper is chosen: what to do, as text.
  const hint = serialize(parse(cardPage({ ...parts, surface: 'sidebar' }, { kind: 'hint', text: 'Choose a <b>paper</b>.' })));
  assert.match(hint, /<body class="surface-sidebar">/);
  assert.match(hint, /<main id="card" aria-live="polite"><p class="status">Choose a &lt;b&gt;paper&lt;\/b&gt;\.<\/p><\/main>/);
});
