// Building the page from data without ever parsing it as HTML: every text goes in as a text node.

import {relative, time} from './format.js';

/**
 * An element: h('a', {href: '#/', class: 'x', test: 'name', onclick: fn}, 'text', child, [more]).
 * `test` sets data-test; `on…` adds a listener; null, undefined and false attributes and children are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'test') el.dataset.test = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** A coloured status word; `tone` is ok, bad, warn, info or idle. */
export function badge(text, tone, test) {
  return h('span', {class: `badge ${tone}`, test}, text);
}

/** A <time> showing the local time and how long ago; the exact instant is its tooltip. */
export function when(iso, withRelative = true) {
  if (!iso) return h('span', {class: 'muted'}, '–');
  return h('time', {datetime: iso, title: iso}, time(iso), withRelative ? h('span', {class: 'muted'}, ` · ${relative(iso)}`) : null);
}

/** A <time> showing only how long ago ("3 min ago"); the local time is its tooltip. */
export function ago(iso) {
  return h('time', {datetime: iso, title: `${time(iso)} (${iso})`}, relative(iso));
}
