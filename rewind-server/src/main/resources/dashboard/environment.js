// One environment: its card, its release timeline and its runs.

import {api} from './api.js';
import {badge, h, when} from './dom.js';
import {environmentCard} from './card.js';
import {took, tone, words} from './format.js';

export async function environmentPage(ctx, name) {
  const path = `/api/environments/${encodeURIComponent(name)}`;
  const [view, releases, runs] = await Promise.all([api(path), api(`${path}/releases`), api(`${path}/runs`)]);
  const page = h('div', {class: 'stack'},
      h('nav', {class: 'crumbs'}, h('a', {href: '#/'}, 'Environments'), ' / ', name),
      environmentCard(view, ctx, false),
      h('div', {class: 'columns'},
          h('section', {class: 'panel'}, h('h2', {}, 'Releases'), timeline(releases.releases)),
          h('section', {class: 'panel'}, h('h2', {}, 'Runs'), runList(runs.runs, releases.releases))));
  return {node: page, refresh: 5000};
}

function timeline(releases) {
  if (!releases.length) return h('p', {class: 'muted'}, 'No release recorded.');
  return h('ol', {class: 'timeline', test: 'release-timeline'}, releases.map((r) =>
      h('li', {class: `dot-${tone(r.status)}`, test: 'release', 'data-status': r.status},
          h('div', {class: 'line'}, h('strong', {class: 'version'}, r.version), ' ', badge(words(r.status), tone(r.status))),
          h('div', {class: 'muted small'}, when(r.deployed_at), ` · by ${r.deployed_by}`),
          r.backup_id ? h('div', {class: 'muted small'}, 'backup ', h('code', {}, r.backup_id)) : null,
          r.note ? h('div', {class: 'small'}, r.note) : null)));
}

/** Release id → version, to show runs as "v2 → v1". */
export function versions(releases) {
  return new Map(releases.map((r) => [r.id, r.version]));
}

function runList(runs, releases) {
  if (!runs.length) return h('p', {class: 'muted'}, 'No run yet.');
  const version = versions(releases);
  return h('ul', {class: 'runs', test: 'runs'}, runs.map((run) =>
      h('li', {test: 'run', 'data-run': run.id},
          h('a', {href: `#/run/${run.id}`, class: 'run-link'},
              h('span', {class: 'line'}, badge(words(run.status), tone(run.status)), ' ', h('strong', {}, run.kind), ' ',
                  run.from_release || run.to_release
                      ? `${version.get(run.from_release) ?? '?'} → ${version.get(run.to_release) ?? '?'}` : ''),
              h('span', {class: 'muted small'}, when(run.started_at), ` · by ${run.actor}`,
                  took(run.started_at, run.finished_at) ? ` · took ${took(run.started_at, run.finished_at)}` : '')))));
}
