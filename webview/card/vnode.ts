// A card as a small tree of plain objects, turned into DOM nodes in the webview (`toDom`) or into HTML text in the
// extension host (`toHtml`, for the page VS Code loads, so the first card paints without waiting for card.js).
// Both walk the same tree, so both show the same card. Text and attribute values are always text: `toDom` sets
// them with DOM calls, `toHtml` escapes them. The only markup that passes through is `trusted` HTML, which
// render.ts uses for markdown-it's output alone (raw HTML, links and images off: markdown-it escapes the rest).

export interface VElement {
  tag: string;
  attributes: Record<string, string>;
  children: VNode[];
  /** An SVG element (created in the SVG namespace). */
  svg?: boolean;
  /** Markup to put inside instead of children: markdown-it's output only. */
  trustedHtml?: string;
}
/** A string is a text node. */
export type VNode = VElement | string;

export function h(tag: string, attributes: Record<string, string> = {}, ...children: VNode[]): VElement {
  return { tag, attributes, children };
}

export function svg(tag: string, attributes: Record<string, string | number>, ...children: VNode[]): VElement {
  return { tag, attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, String(v)])), children, svg: true };
}

/** An element whose content is `html` as markup: only for markdown-it's output (see render.ts). */
export function trusted(tag: string, attributes: Record<string, string>, html: string): VElement {
  return { tag, attributes, children: [], trustedHtml: html };
}

// ---------------------------------------------------------------------------------------------------------------
// HTML text

/** Names come from this project's code, never from a card; anything else is a bug, so it throws. */
const NAME = /^[a-z][a-z0-9-]*$/i;
/** Elements the HTML parser closes by itself: written without an end tag (and without children). */
const VOID = new Set(['br', 'hr', 'img', 'wbr']);

/**
 * Text content: `&` and `<` would start markup, `>` for good measure; CR as a reference, as the parser would turn
 * a raw one into LF. NUL cannot be written in HTML at all (the parser drops or replaces it): it becomes U+FFFD.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r\0]/g, (c) => ESCAPES[c]);
}

/** A double-quoted attribute value: as text, and `"`. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\r\0]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\0': '\uFFFD' };

export function toHtml(node: VNode): string {
  if (typeof node === 'string') return escapeText(node);
  if (!NAME.test(node.tag)) throw new Error(`not an element name: ${node.tag}`);
  let out = `<${node.tag}`;
  for (const [name, value] of Object.entries(node.attributes)) {
    if (!NAME.test(name)) throw new Error(`not an attribute name: ${name}`);
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  out += '>';
  if (VOID.has(node.tag) && !node.svg) {
    if (node.children.length || node.trustedHtml !== undefined) throw new Error(`<${node.tag}> cannot have content`);
    return out;
  }
  out += node.trustedHtml ?? node.children.map(toHtml).join('');
  return `${out}</${node.tag}>`;
}

// ---------------------------------------------------------------------------------------------------------------
// DOM (webview only)

const SVG_NS = 'http://www.w3.org/2000/svg';

export function toDom(node: VNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = node.svg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attributes)) element.setAttribute(name, value);
  if (node.trustedHtml !== undefined) element.innerHTML = node.trustedHtml;
  else element.append(...node.children.map(toDom));
  return element;
}
