// Times, durations and statuses as an operator reads them.

const TIME = new Intl.DateTimeFormat(undefined, {
  month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'});

/** "Nov 21, 09:30:15" in the browser's time zone. */
export function time(iso) {
  return iso ? TIME.format(new Date(iso)) : '–';
}

/** "3 min ago", "in 12 min". */
export function relative(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const span = duration(Math.abs(seconds) * 1000, true);
  if (Math.abs(seconds) < 5) return 'just now';
  return seconds < 0 ? `${span} ago` : `in ${span}`;
}

/** "812 ms", "2.3 s", "4 min 10 s", "2 h 5 min"; coarse drops the smaller unit. */
export function duration(ms, coarse = false) {
  if (ms == null || Number.isNaN(ms)) return '';
  if (ms < 1000) return coarse ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return coarse ? `${Math.round(s)} s` : `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return coarse ? `${m} min` : `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** How long something took from its start and finish instants; null while it runs. */
export function took(startedAt, finishedAt) {
  return startedAt && finishedAt ? duration(new Date(finishedAt) - new Date(startedAt)) : null;
}

/** The tone of a release, run, step or decision status (see .badge in app.css). */
export function tone(status) {
  switch (status) {
    case 'live': case 'succeeded': case 'done': case 'CONTINUE': return 'ok';
    case 'failed': case 'ROLLBACK_NOW': case 'ROLLBACK': return 'bad';
    case 'rolled_back': case 'cancelled': case 'INVESTIGATE': case 'MONITOR': return 'warn';
    case 'running': case 'deploying': return 'info';
    default: return 'idle';
  }
}

/** "rolled_back" → "rolled back". */
export function words(status) {
  return String(status ?? '').replaceAll('_', ' ');
}

/** The mark of a journal step. */
export function stepMark(status) {
  return {done: '✓', failed: '✗', running: '…', skipped: '–', pending: '·'}[status] ?? '·';
}
