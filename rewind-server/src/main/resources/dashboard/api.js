// The REST API of `rewind serve`: bearer token, JSON errors, and server-sent events read with fetch.

const TOKEN_KEY = 'rewind.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An answer other than 2xx: `status` and the server's {"error", "message"}. */
export class ApiError extends Error {
  constructor(status, error, message) {
    super(message || error || `HTTP ${status}`);
    this.status = status;
    this.error = error;
  }

  static async of(response) {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      return new ApiError(response.status, body.error, body.message);
    } catch {
      return new ApiError(response.status, null, text.trim() || response.statusText);
    }
  }
}

function headers(extra = {}) {
  return {Authorization: `Bearer ${token.get()}`, ...extra};
}

/** GET or POST a JSON API path; resolves to the parsed answer (or text for non-JSON answers). */
export async function api(path, {method = 'GET', body} = {}) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {Accept: 'application/json'} : {'Content-Type': 'application/json'}),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await ApiError.of(response);
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

/**
 * Reads a text/event-stream (EventSource cannot send the bearer header) and calls onEvent(name, data) with each
 * event's JSON data until the server closes the stream or `signal` aborts it.
 */
export async function events(path, onEvent, signal) {
  const response = await fetch(path, {headers: headers({Accept: 'text/event-stream'}), signal});
  if (!response.ok) throw await ApiError.of(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length) onEvent(name, JSON.parse(data.join('\n')));
}
