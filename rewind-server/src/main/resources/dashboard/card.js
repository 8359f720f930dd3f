// One environment at a glance: live release, health, last decision, holds, runs in flight, and the Roll back button
// (Resume when the rollback in flight was interrupted).

import {ago, badge, h} from './dom.js';
import {tone} from './format.js';

/**
 * The card of an EnvironmentView; `ctx.canOperate` shows the Roll back button, `ctx.rollback(view, resume)` opens it
 * (resuming the run `resume` if given).
 * `linked` adds the link to the environment's page (not wanted on that page itself).
 */
export function environmentCard(view, ctx, linked = true) {
  const name = view.environment;
  return h('article', {class: `card edge-${cardTone(view)}`, test: 'env-card', 'data-env': name},
      h('header', {class: 'card-head'},
          h('h2', {}, h('a', {href: `#/env/${encodeURIComponent(name)}`}, name)),
          healthBadge(view.health)),
      live(view),
      health(view.health),
      decision(view.last_decision),
      holds(view.active_holds ?? []),
      inFlight(view.runs_in_flight ?? [], view.interrupted_runs ?? []),
      h('footer', {class: 'card-foot'},
          linked ? h('a', {href: `#/env/${encodeURIComponent(name)}`, test: 'env-link'}, 'Releases and runs →') : h('span'),
          rollbackButton(view, ctx)));
}

function cardTone(view) {
  if (view.health?.healthy === false || ['ROLLBACK_NOW', 'ROLLBACK'].includes(view.last_decision?.action)) return 'bad';
  if ((view.runs_in_flight ?? []).length) return 'info';
  if ((view.active_holds ?? []).length || view.last_decision?.action === 'INVESTIGATE') return 'warn';
  return view.health?.healthy ? 'ok' : 'idle';
}

function healthBadge(health) {
  if (health?.healthy === true) return badge('healthy', 'ok', 'health-status');
  if (health?.healthy === false) return badge('unhealthy', 'bad', 'health-status');
  return badge('health unknown', 'idle', 'health-status');
}

function live(view) {
  const release = view.live;
  if (!release) return h('section', {class: 'row', test: 'live'}, h('span', {class: 'muted'}, 'Nothing live recorded yet.'));
  return h('section', {class: 'row', test: 'live'},
      h('span', {class: 'label'}, 'Live'),
      h('span', {}, h('strong', {class: 'version', test: 'live-version'}, release.version),
          h('span', {class: 'muted'}, ' deployed ', ago(release.deployed_at), ` by ${release.deployed_by}`),
          h('span', {class: 'muted'}, ` · ${view.release_count} release${view.release_count === 1 ? '' : 's'}`)));
}

function health(health) {
  const probes = health?.probes ?? [];
  return h('section', {class: 'row', test: 'health'},
      h('span', {class: 'label'}, 'Health'),
      h('div', {},
          probes.length === 0
              ? h('span', {class: 'muted'}, health?.checked_at ? 'No probes configured.' : 'Not checked yet.')
              : h('ul', {class: 'probes'}, probes.map(probe)),
          health?.checked_at ? h('div', {class: 'muted small'}, 'checked ', ago(health.checked_at)) : null));
}

function probe(result) {
  return h('li', {class: result.ok ? 'ok' : 'bad', test: 'probe'},
      h('span', {class: 'mark', 'aria-label': result.ok ? 'ok' : 'failing'}, result.ok ? '✓' : '✗'),
      h('span', {class: 'probe-name'}, `${result.component} · ${result.probe}`),
      h('span', {class: 'muted'}, ` ${result.latency ?? ''}`),
      result.ok ? null : h('div', {class: 'reason'}, result.reason));
}

function decision(last) {
  if (!last) return h('section', {class: 'row', test: 'last-decision'}, h('span', {class: 'label'}, 'Decision'),
      h('span', {class: 'muted'}, 'No decision recorded yet.'));
  const rules = parseRules(last.rules_json);
  const fired = rules.filter((r) => r.state === 'FIRED');
  return h('section', {class: 'row', test: 'last-decision'},
      h('span', {class: 'label'}, 'Decision'),
      h('div', {},
          h('div', {}, badge(last.action, tone(last.action), 'decision-action'), ' ',
              h('span', {class: 'muted'}, ago(last.at), last.hold_id ? ' · suppressed by a hold' : '')),
          fired.length
              ? h('ul', {class: 'rules'}, fired.map(rule))
              : h('div', {class: 'muted small'}, `no rule fired (${rules.length} evaluated)`)));
}

function rule(r) {
  const values = Object.entries(r.values ?? {}).map(([k, v]) => `${k} = ${v}`).join(', ');
  return h('li', {test: 'rule'},
      h('strong', {}, r.name), ' ', h('code', {}, r.when),
      values ? h('div', {class: 'small'}, values) : null,
      r.detail && r.detail !== 'true' ? h('div', {class: 'muted small'}, r.detail) : null);
}

function parseRules(json) {
  try {
    const rules = JSON.parse(json ?? '[]');
    return Array.isArray(rules) ? rules : [];
  } catch {
    return [];
  }
}

function holds(list) {
  if (!list.length) return null;
  return h('section', {class: 'row', test: 'holds'},
      h('span', {class: 'label'}, 'Held'),
      h('ul', {class: 'plain'}, list.map((hold) => h('li', {},
          badge('hold', 'warn'), ` ${hold.reason} `,
          h('span', {class: 'muted'}, `— ${hold.created_by}, ends `, ago(hold.expires_at))))));
}

function inFlight(runs, interrupted) {
  if (!runs.length) return null;
  return h('section', {class: 'row', test: 'runs-in-flight'},
      h('span', {class: 'label'}, 'Running'),
      h('ul', {class: 'plain'}, runs.map((run) => h('li', {},
          badge(run.kind, 'info'), ' ', h('a', {href: `#/run/${run.id}`}, run.id),
          interrupted.includes(run.id) ? [' ', badge('interrupted', 'warn', 'interrupted')] : null,
          h('span', {class: 'muted'}, ` by ${run.actor}, started `, ago(run.started_at))))));
}

function rollbackButton(view, ctx) {
  if (!ctx.canOperate) return null;
  const resumable = (view.runs_in_flight ?? [])
      .find((run) => run.kind === 'rollback' && (view.interrupted_runs ?? []).includes(run.id));
  if (resumable) {
    return h('button', {
      type: 'button', class: 'danger quiet', test: 'resume-button', 'data-env': view.environment,
      title: `${resumable.id} was interrupted: its process is gone`, onclick: () => ctx.rollback(view, resumable.id),
    }, 'Resume…');
  }
  const busy = (view.runs_in_flight ?? []).length > 0;
  return h('button', {
    type: 'button', class: 'danger quiet', test: 'rollback-button', 'data-env': view.environment,
    disabled: busy || !view.live, title: busy ? 'a run is in flight' : !view.live ? 'nothing is live' : null,
    onclick: () => ctx.rollback(view),
  }, 'Roll back…');
}
