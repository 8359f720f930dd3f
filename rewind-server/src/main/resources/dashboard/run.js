// One run: its journal step by step, its audit trail, and its incident report.

import {api} from './api.js';
import {badge, h, when} from './dom.js';
import {versions} from './environment.js';
import {markdown} from './markdown.js';
import {stepMark, took, tone, words} from './format.js';

/** The run page; it refreshes itself while the run is running. */
export async function runPage(id) {
  const {run, steps, events} = await api(`/api/runs/${encodeURIComponent(id)}`);
  const releases = await api(`/api/environments/${encodeURIComponent(run.environment)}/releases`);
  const version = versions(releases.releases);
  const page = h('div', {class: 'stack'},
      crumbs(run, null),
      h('section', {class: 'panel'},
          h('h1', {class: 'title'}, `${capitalized(run.kind)} of ${run.environment} `,
              badge(words(run.status), tone(run.status), 'run-status')),
          h('dl', {class: 'facts'},
              fact('Run', h('code', {}, run.id)),
              fact('Versions', `${version.get(run.from_release) ?? run.from_release ?? '–'} → ${version.get(run.to_release) ?? run.to_release ?? '–'}`),
              fact('Started', when(run.started_at)),
              fact('Took', took(run.started_at, run.finished_at) ?? 'still running'),
              fact('By', run.actor)),
          run.error ? h('p', {class: 'alert'}, run.error) : null,
          ['rollback', 'deploy'].includes(run.kind)
              ? h('p', {}, h('a', {class: 'button', href: `#/run/${run.id}/report`, test: 'report-link'}, 'Incident report'))
              : null),
      h('section', {class: 'panel'}, h('h2', {}, 'Journal'), journal(steps)),
      h('section', {class: 'panel'}, h('h2', {}, 'Audit trail'), audit(events)));
  return {node: page, refresh: run.status === 'running' ? 2000 : null};
}

/** The incident report, rendered from its Markdown. */
export async function reportPage(id) {
  const [{run}, text] = await Promise.all([
    api(`/api/runs/${encodeURIComponent(id)}`),
    api(`/api/runs/${encodeURIComponent(id)}/report.md`),
  ]);
  return {node: h('div', {class: 'stack'}, crumbs(run, 'report'),
      h('article', {class: 'panel report', test: 'report'}, markdown(text)))};
}

function crumbs(run, last) {
  return h('nav', {class: 'crumbs'},
      h('a', {href: '#/'}, 'Environments'), ' / ',
      h('a', {href: `#/env/${encodeURIComponent(run.environment)}`}, run.environment), ' / ',
      last ? [h('a', {href: `#/run/${run.id}`}, run.id), ` / ${last}`] : run.id);
}

function capitalized(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function fact(term, value) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}

/** Journal steps as ✓/✗ lines with their durations; shared with the live view of a rollback. */
export function stepItem(step) {
  return h('li', {class: `step ${step.status}`, test: 'step', 'data-status': step.status, 'data-seq': step.seq},
      h('span', {class: 'mark', 'aria-hidden': 'true'}, stepMark(step.status)),
      h('span', {class: 'step-name', test: 'step-name'}, step.name),
      h('span', {class: 'step-took muted'}, took(step.started_at, step.finished_at) ?? words(step.status)),
      step.error ? h('div', {class: 'reason'}, step.error) : null);
}

function journal(steps) {
  if (!steps.length) return h('p', {class: 'muted'}, 'No step journaled.');
  return h('ol', {class: 'steps', test: 'journal'}, steps.map(stepItem));
}

function audit(events) {
  if (!events.length) return h('p', {class: 'muted'}, 'No event recorded.');
  return h('ul', {class: 'plain audit'}, events.map((e) => h('li', {},
      when(e.at, false), ' ', h('strong', {}, e.action), h('span', {class: 'muted'}, ` by ${e.actor}`))));
}
