// The dashboard of `rewind serve`: sign-in with an API token, then hash routes over the REST API.

import {api, ApiError, token} from './api.js';
import {$, fill, h} from './dom.js';
import {environmentCard} from './card.js';
import {environmentPage} from './environment.js';
import {openRollback} from './rollback.js';
import {reportPage, runPage} from './run.js';

const ROLES = ['viewer', 'operator', 'admin'];

const ROUTES = [
  [/^#?\/?$/, () => overview()],
  [/^#\/env\/([^/]+)$/, (env) => environmentPage(ctx, decodeURIComponent(env))],
  [/^#\/run\/([^/]+)$/, (id) => runPage(decodeURIComponent(id))],
  [/^#\/run\/([^/]+)\/report$/, (id) => reportPage(decodeURIComponent(id))],
];

/** What the views need from the app. */
const ctx = {
  canOperate: false,
  rollback: (view, resume) => openRollback(view, ctx, resume),
  refresh: () => render(),
  signOut: (error) => signOut(error),
};

let timer = null;
let generation = 0;

async function overview() {
  const {project, environments} = await api('/api/environments');
  fill($('[data-test="project"]'), project ? ` · ${project}` : '');
  return {
    node: h('div', {class: 'stack'}, h('h1', {class: 'sr-only'}, 'Environments'),
        environments.length
            ? h('div', {class: 'cards'}, environments.map((view) => environmentCard(view, ctx)))
            : h('p', {class: 'muted'}, 'No environment is configured in rewind.yaml.')),
    refresh: 5000,
  };
}

/** Renders the current route, and again every `refresh` ms while it stays the current one. */
async function render() {
  clearTimeout(timer);
  const mine = ++generation;
  const hash = location.hash || '#/';
  const [pattern, view] = ROUTES.find(([p]) => p.test(hash)) ?? [];
  const out = $('#view');
  try {
    if (!view) throw new ApiError(404, 'not_found', `No page at ${hash}.`);
    const {node, refresh} = await view(...pattern.exec(hash).slice(1));
    if (mine !== generation) return;
    fill(out, node);
    if (refresh) timer = setTimeout(render, refresh);
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof ApiError && e.status === 401) return signOut(e);
    fill(out, h('p', {class: 'alert', role: 'alert', test: 'error'}, e.message,
        e instanceof ApiError ? ` (${e.status})` : ''), h('p', {}, h('a', {href: '#/'}, 'Back to the environments')));
    timer = setTimeout(render, 10000);
  }
}

async function signIn() {
  try {
    const me = await api('/api/whoami');
    ctx.canOperate = ROLES.indexOf(me.role) >= ROLES.indexOf('operator');
    fill($('[data-test="whoami-name"]'), me.name);
    fill($('[data-test="whoami-role"]'), me.role);
    $('[data-test="whoami"]').hidden = false;
    $('[data-test="login"]').hidden = true;
    await render();
  } catch (e) {
    signOut(e);
  }
}

/** Back to the sign-in form, saying why when an error sent us there. */
function signOut(error) {
  clearTimeout(timer);
  generation++;
  token.clear();
  fill($('#view'));
  fill($('[data-test="project"]'));
  $('[data-test="whoami"]').hidden = true;
  $('[data-test="login"]').hidden = false;
  const message = $('[data-test="login-error"]');
  message.hidden = !error;
  if (error) {
    message.textContent = error instanceof ApiError && error.status === 401
        ? `The server refused this token (401: ${error.message}). It may be mistyped, revoked or from another project.`
        : `Could not sign in: ${error.message}`;
  }
  $('[data-test="token"]').focus();
}

$('[data-test="login-form"]').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('[data-test="token"]');
  token.set(input.value.trim());
  input.value = '';
  signIn();
});
$('[data-test="logout"]').addEventListener('click', () => signOut(null));
addEventListener('hashchange', () => token.get() && render());

if (token.get()) signIn();
else signOut(null);
