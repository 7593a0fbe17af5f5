/**
 * The public REST API, called with the signed-in user's bearer token. The token lives in
 * sessionStorage: it goes away with the tab, and another tab signs in on its own.
 */
import { lang, t } from './i18n.js';

const KEY = 'wfm.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export const session = {
  read() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  write(value) {
    if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
    else sessionStorage.removeItem(KEY);
  },
  patch(changes) {
    this.write({ ...this.read(), ...changes });
  },
};

function headers(extra = {}) {
  const current = session.read();
  // The API answers messages in the page's language, not the browser's.
  const result = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang(), ...extra };
  if (current?.token) result.Authorization = `Bearer ${current.token}`;
  if (current?.actingShopId && current.user?.role === 'admin') result['X-Shop-Id'] = current.actingShopId;
  return result;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text || response.statusText };
  }
}

export async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && path !== '/auth/login') {
    session.write(null);
    window.dispatchEvent(new CustomEvent('wfm:signed-out'));
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  return response.json();
}

export const get = (path, query) =>
  api(
    'GET',
    query
      ? `${path}?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''))}`
      : path,
  );
export const post = (path, body = {}) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** Every page of a list endpoint ({ items, total }), for the few lists a screen needs whole. */
export async function getAll(path, query = {}) {
  const items = [];
  for (let offset = 0; ; offset += 500) {
    const page = await get(path, { ...query, limit: 500, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a job (GET /jobs/:id) until it is completed or failed, reporting its progress. */
export async function followJob(jobId, onProgress = () => {}) {
  let wait = 300;
  for (;;) {
    const job = await get(`/jobs/${jobId}`);
    onProgress(job);
    if (job.status === 'completed') return job;
    if (job.status === 'failed')
      throw new ApiError(500, { title: t('job.failed'), detail: job.error ?? t('job.failed') });
    await sleep(wait);
    wait = Math.min(wait * 1.5, 2000);
  }
}

/** Export kinds this role may ask for, read once per sign-in. */
let kindsCache = null;
export async function exportKinds() {
  if (!kindsCache) kindsCache = get('/exports/kinds').catch(() => []);
  return kindsCache;
}
export function forgetExportKinds() {
  kindsCache = null;
}

/** Only the parameters the kind declares (its JSON schema in GET /exports/kinds), so extra context is never refused. */
async function paramsFor(kind, candidates) {
  const declared = (await exportKinds()).find((k) => k.kind === kind)?.params?.properties;
  return declared ? Object.fromEntries(Object.entries(candidates).filter(([key]) => key in declared)) : candidates;
}

/** Asks for a workbook, follows its job, then saves the file the browser way (a link to a blob). */
export async function downloadExport(kind, params, lang, onProgress) {
  const created = await post('/exports', { kind, lang, params: await paramsFor(kind, params) });
  await followJob(created.jobId, onProgress);
  const response = await fetch(created.fileUrl ?? `/exports/${created.exportId}/file`, { headers: headers() });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const fileName = named ? decodeURIComponent(named[1]) : `${kind}.xlsx`;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
