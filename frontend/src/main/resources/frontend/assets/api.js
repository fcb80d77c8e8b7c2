// The page's only door to the server (WEB-API.md). Every call is same-origin, every POST carries the
// CSRF header (SEC-13), and every call gives up after TIMEOUT_MS so the page never spins forever.

const TIMEOUT_MS = 15000;
const CSRF_HEADER = { "X-Requested-With": "miandeng" };

/** A failed call: HTTP status (0 = no answer), the server's machine code, and Retry-After seconds if sent. */
export class ApiError extends Error {
  constructor(status, code, message, { retryAfter = null, requestId = null, details = null } = {}) {
    super(message || code);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.requestId = requestId;
    this.details = details; // the whole error body, for fields beyond the three (missingScopes)
  }
}

// Retry-After may be delta-seconds or an HTTP date (RFC 9110); the page only ever shows seconds.
function retryAfterSeconds(response) {
  const value = response.headers.get("Retry-After");
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(seconds, 0) : null;
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null; // an empty or non-JSON body (a proxy's HTML error page, a 204)
  }
}

async function request(method, path, body, { keepalive = false } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const init = { method, credentials: "same-origin", cache: "no-store", signal: controller.signal, headers: { Accept: "application/json" } };
  if (keepalive) init.keepalive = true;
  if (method === "POST") {
    Object.assign(init.headers, CSRF_HEADER, { "Content-Type": "application/json" });
    init.body = JSON.stringify(body ?? {});
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    const timedOut = controller.signal.aborted;
    throw new ApiError(0, timedOut ? "timeout" : "network", timedOut ? "The server did not answer in time" : String(cause));
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 204) return null;
  const json = await readJson(response);
  if (response.ok) return json;
  throw new ApiError(response.status, json?.error || `http_${response.status}`, json?.message, {
    retryAfter: retryAfterSeconds(response),
    requestId: json?.requestId || response.headers.get("X-Request-Id"),
    details: json,
  });
}

export const api = {
  me: () => request("GET", "/api/me"),
  myTasks: () => request("GET", "/api/me/tasks"),
  config: () => request("GET", "/api/config"),
  nonce: () => request("POST", "/api/login/nonce"),
  session: (code, nonce) => request("POST", "/api/session", { code, nonce }),
  logout: () => request("POST", "/api/logout"),
  logoutEverywhere: () => request("POST", "/api/logout-everywhere"),
  // h5sdk.config's parameters for this page; `rejected` is the errorCode the client refused the last ones with.
  jssdkConfig: (url, rejected) => request("POST", "/api/jssdk/config", rejected ? { url, rejected } : { url }),
  // A JSAPI failure for the server's metrics. keepalive: the report survives the page reloading or closing,
  // and unlike sendBeacon it carries the CSRF header every POST needs. errno goes as a string, as every field.
  clientError: (jsapi, errno) => request("POST", "/api/client-errors", { api: jsapi, errno: String(errno) }, { keepalive: true }),
};
