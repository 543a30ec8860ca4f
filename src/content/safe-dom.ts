// DOM access that a page cannot clobber. A <form> exposes its controls as properties
// (`<input name="getAttribute">` makes form.getAttribute that input), in our isolated world
// too: that made extraction fail (issue #18). The document exposes named <img>/<form>/<embed>
// elements the same way to the page's own scripts (`<img name="querySelector">`); Chromium
// does not show those to our world (the e2e test checks both), but the copy below drops them
// all the same. Methods and getters are taken from the prototypes once, at load, and called
// on the node: the page's markup cannot replace them, and its scripts run in another world.

const docQuery = Document.prototype.querySelector;
const docQueryAll = Document.prototype.querySelectorAll;
const elQueryAll = Element.prototype.querySelectorAll;
const getAttr = Element.prototype.getAttribute;
const removeAttr = Element.prototype.removeAttribute;
const hasAttr = Element.prototype.hasAttribute;
const closestFn = Element.prototype.closest;
const cloneNodeFn = Node.prototype.cloneNode;
/** A getter wherever it sits on the prototype chain (DOM libraries define some on a base class). */
const getter = (proto: object | null, name: string): (() => any) => {
  for (let p = proto; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d?.get) return d.get;
  }
  throw new Error(`no getter ${name}`);
};
const docElementGet = getter(Document.prototype, 'documentElement');
const localNameGet = getter(Element.prototype, 'localName');
const parentElementGet = getter(Node.prototype, 'parentElement');
const childrenGet = getter(Element.prototype, 'children');
const isConnectedGet = getter(Node.prototype, 'isConnected');

export const query = (doc: Document, sel: string): Element | null => docQuery.call(doc, sel);
const queryAll = (root: Document | Element, sel: string): Element[] =>
  Array.from((root instanceof Element ? elQueryAll : docQueryAll).call(root, sel) as NodeListOf<Element>);
export const attr = (el: Element, name: string): string | null => getAttr.call(el, name);
export const hasAttribute = (el: Element, name: string): boolean => hasAttr.call(el, name);
export const closest = (el: Element, sel: string): Element | null => closestFn.call(el, sel);
const documentElementOf = (doc: Document): Element | null => docElementGet.call(doc);
export const localNameOf = (el: Element): string => localNameGet.call(el);
export const parentElementOf = (n: Node): Element | null => parentElementGet.call(n);
export const isConnectedNode = (n: Node): boolean => isConnectedGet.call(n) as boolean;
const childrenOf = (el: Element): HTMLCollection => childrenGet.call(el) as HTMLCollection;

/** Elements whose name (and for some, id) becomes a property of the document or of a form. */
const NAMED = 'form, img, embed, object, iframe, input, button, select, textarea, fieldset, output';
const CONTROLS = new Set(['input', 'button', 'select', 'textarea', 'fieldset', 'output', 'object', 'embed']);

/**
 * A copy of the page for the extractor, in which no element is reachable as a named property
 * of the document or of a form, so the extractor's ordinary `el.getAttribute(…)`,
 * `doc.querySelector(…)`, `form.children`… reach the real methods. The copy is a document
 * without a browsing context: its scripts do not run and its images are not fetched. Only
 * `name` (and `id` on controls, and on images inside a form) is taken off: none of those
 * carries article text or the attributes the extractor reads on article elements.
 */
export function unclobberedCopy(doc: Document): Document {
  const copy = cloneNodeFn.call(doc, true) as Document;
  for (const el of queryAll(copy, NAMED)) {
    removeAttr.call(el, 'name');
    const tag = localNameOf(el);
    if (CONTROLS.has(tag) || (tag === 'img' && closestFn.call(el, 'form'))) removeAttr.call(el, 'id');
  }
  return copy;
}

/**
 * The element of `live` at the place `inCopy` holds in its copy (unclobberedCopy), or null.
 * The copy has the same elements in the same places (only attributes were taken off), so the
 * path of child indexes from the root element leads to the same element, as long as the page
 * has not changed in between: call it in the task that made the copy.
 */
export function liveCounterpart(inCopy: Element, live: Document): Element | null {
  const path: number[] = [];
  let el: Element = inCopy;
  for (let parent = parentElementOf(el); parent; el = parent, parent = parentElementOf(el)) {
    path.push(Array.prototype.indexOf.call(childrenOf(parent), el));
  }
  let cur = documentElementOf(live);
  for (let i = path.length - 1; i >= 0 && cur; i--) cur = childrenOf(cur)[path[i]] ?? null;
  return cur && localNameOf(cur) === localNameOf(inCopy) ? cur : null;
}
