// The Roll back dialog: reason and, for a `confirm: true` environment, its name typed out; then the run's steps
// live from its event stream, and a way to its incident report. It also resumes an interrupted rollback.

import {api, ApiError, events} from './api.js';
import {$, fill, h} from './dom.js';
import {took} from './format.js';
import {stepItem} from './run.js';

const dialog = () => $('[data-test="rollback-dialog"]');

/**
 * Opens the dialog for an EnvironmentView, to resume the run `resume` if given; `ctx.refresh()` is called when the
 * run ends.
 */
export function openRollback(view, ctx, resume = null) {
  const name = view.environment;
  const reason = resume ? null : h('input', {id: 'rollback-reason', test: 'rollback-reason', autocomplete: 'off',
    placeholder: 'e.g. checkout errors since v2'});
  const confirm = view.confirm ? h('input', {id: 'rollback-confirm', test: 'rollback-confirm', autocomplete: 'off',
    spellcheck: 'false', placeholder: name}) : null;
  const error = h('p', {class: 'alert', role: 'alert', test: 'rollback-error', hidden: true});
  const title = resume ? `Resume the rollback of ${name}` : `Roll back ${name}`;
  const start = h('button', {type: 'submit', class: 'danger', test: 'rollback-start', disabled: view.confirm}, title);
  confirm?.addEventListener('input', () => { start.disabled = confirm.value.trim() !== name; });
  const form = h('form', {class: 'stack', onsubmit: (e) => {
    e.preventDefault();
    begin(view, {reason: reason?.value.trim() || null, confirm: confirm ? confirm.value.trim() : null, resume}, start,
        error, ctx);
  }},
  h('h2', {id: 'rollback-title'}, title),
  resume
      ? h('p', {}, 'Run ', h('code', {}, resume),
          ' was interrupted: the process running it is gone. Resuming takes its lock over and goes on from the last step it journaled, with the reason it started with.')
      : h('p', {}, `From `, h('strong', {}, view.live?.version ?? '?'),
          ' to the last good release before it, restoring its backup. The components stop briefly; the current database and files are kept for salvage, not dropped.'),
  reason ? [h('label', {for: 'rollback-reason'}, 'Reason'), reason] : null,
  confirm ? [h('label', {for: 'rollback-confirm'}, 'Type ', h('code', {}, name), ' to proceed'), confirm] : null,
  error,
  h('div', {class: 'actions'}, h('button', {type: 'button', onclick: close}, 'Cancel'), start));
  show(form);
  (confirm ?? reason ?? start).focus();
}

async function begin(view, {reason, confirm, resume}, start, error, ctx) {
  error.hidden = true;
  start.disabled = true;
  try {
    const started = await api(`/api/environments/${encodeURIComponent(view.environment)}/rollback`,
        {method: 'POST', body: {reason, confirm, resume}});
    follow(view.environment, started, ctx);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      close();
      ctx.signOut(e);
      return;
    }
    error.textContent = e instanceof ApiError ? `${e.message} (${e.status})` : `Could not start the rollback: ${e.message}`;
    error.hidden = false;
    start.disabled = false;
  }
}

/** The live view of a started run: one line per step as the server reports it. */
function follow(environment, started, ctx) {
  const runId = started.run_id;
  const steps = h('ol', {class: 'steps live', test: 'rollback-steps'});
  const status = h('p', {class: 'status running', test: 'rollback-status'}, `Rolling back ${environment}…`);
  const links = h('div', {class: 'actions'}, h('button', {type: 'button', onclick: close}, 'Close'));
  const abort = new AbortController();
  show(h('div', {class: 'stack'},
      h('h2', {id: 'rollback-title'}, `Rolling back ${environment}`),
      h('p', {class: 'muted small'}, 'Run ', h('a', {href: `#/run/${runId}`, onclick: close}, h('code', {}, runId))),
      status, steps, links));
  dialog().addEventListener('close', () => abort.abort(), {once: true});
  const lines = new Map();
  let ended = false;
  events(started.events, (event, data) => {
    if (event === 'step') {
      const line = stepItem(data);
      lines.has(data.seq) ? lines.get(data.seq).replaceWith(line) : steps.append(line);
      lines.set(data.seq, line);
    } else if (event === 'run') {
      ended = true;
      finished(data, status, links);
      ctx.refresh();
    } else if (event === 'interrupted') {
      ended = true;
      status.className = 'status bad';
      status.textContent = `✗ Interrupted: the process running it is gone. Resume it from the environment's card, or run ${data.resume}`;
      ctx.refresh();
    }
  }, abort.signal).then(() => {
    if (!ended) lost(status, 'the server ended the stream');
  }, (e) => {
    if (!abort.signal.aborted) lost(status, e.message);
  });
}

function lost(status, why) {
  status.className = 'status bad';
  status.textContent = `Lost the live view (${why}); the run goes on: open it to follow.`;
}

function finished(run, status, links) {
  const ok = run.status === 'succeeded';
  status.className = `status ${ok ? 'ok' : 'bad'}`;
  status.textContent = ok
      ? `✓ Rolled back in ${took(run.started_at, run.finished_at)}`
      : `✗ Rollback ${run.status}${run.error ? `: ${run.error}` : ''}`;
  fill(links,
      h('a', {class: 'button', href: `#/run/${run.id}`, onclick: close}, 'Open run'),
      h('a', {class: 'button primary', href: `#/run/${run.id}/report`, test: 'open-report', onclick: close}, 'Incident report'),
      h('button', {type: 'button', onclick: close}, 'Close'));
}

function show(content) {
  const d = dialog();
  fill(d.querySelector('.dialog-body'), content);
  if (!d.open) d.showModal();
}

function close() {
  dialog().close();
}
