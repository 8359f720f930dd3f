// Just enough Markdown for Rewind's incident reports: headings, paragraphs, lists (with [x] boxes), block quotes,
// tables, fenced code, `code` and **bold**. Everything becomes text nodes: no HTML from the report is ever parsed.

import {h} from './dom.js';

export function markdown(text) {
  const lines = text.replaceAll('\r\n', '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
    } else if (line.startsWith('```')) {
      const end = findIndex(lines, i + 1, (l) => l.startsWith('```'));
      blocks.push(h('pre', {}, h('code', {}, lines.slice(i + 1, end).join('\n'))));
      i = end + 1;
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      // one level down: the page has its own h1
      blocks.push(h(`h${Math.min(level + 1, 6)}`, {}, inline(line.slice(level + 1))));
      i++;
    } else {
      const kind = blockKind(line);
      const end = findIndex(lines, i + 1, (l) => !l.trim() || blockKind(l) !== kind || l.startsWith('```'));
      blocks.push(RENDER[kind](lines.slice(i, end)));
      i = end;
    }
  }
  return h('div', {class: 'markdown'}, blocks);
}

function blockKind(line) {
  if (line.startsWith('|')) return 'table';
  if (/^[-*] /.test(line)) return 'list';
  if (line.startsWith('>')) return 'quote';
  if (/^#{1,6} /.test(line)) return 'heading';
  return 'paragraph';
}

function findIndex(lines, from, test) {
  for (let i = from; i < lines.length; i++) if (test(lines[i])) return i;
  return lines.length;
}

const RENDER = {
  paragraph: (lines) => h('p', {}, inline(lines.join(' '))),
  quote: (lines) => h('blockquote', {}, inline(lines.map((l) => l.replace(/^> ?/, '')).join(' '))),
  list: (lines) => h('ul', {}, lines.map(listItem)),
  table,
};

function listItem(line) {
  const text = line.slice(2);
  const task = /^\[([ xX])\] /.exec(text);
  if (!task) return h('li', {}, inline(text));
  const done = task[1] !== ' ';
  return h('li', {class: `task ${done ? 'done' : 'open'}`},
      h('span', {class: 'box', 'aria-label': done ? 'done' : 'not done'}, done ? '☑' : '☐'), ' ',
      inline(text.slice(4)));
}

function table(lines) {
  const rows = lines.map(cells);
  const separator = rows.length > 1 && rows[1].every((c) => /^:?-+:?$/.test(c));
  const align = separator ? rows[1].map((c) => (c.endsWith(':') ? 'num' : null)) : [];
  const head = separator ? rows[0] : null;
  const body = separator ? rows.slice(2) : rows;
  const row = (cellsOf, tag) => h('tr', {}, cellsOf.map((c, n) => h(tag, {class: align[n]}, inline(c))));
  return h('div', {class: 'table-scroll'}, h('table', {},
      head && head.some((c) => c) ? h('thead', {}, row(head, 'th')) : null,
      h('tbody', {}, body.map((r) => row(r, 'td')))));
}

/** The cells of a table row "| a | b |", splitting on unescaped pipes. */
function cells(line) {
  const parts = line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
  return parts.map((c) => c.trim().replaceAll('\\|', '|'));
}

/** `code` and **bold** within a line, as nodes. */
function inline(text) {
  const nodes = [];
  const pattern = /`([^`]+)`|\*\*(.+?)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(match[1] != null ? h('code', {}, match[1]) : h('strong', {}, match[2]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
