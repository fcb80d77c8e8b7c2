// The page's flow (WEB-API.md "The flow on the page") as a tiny state machine: each step ends in render(state).
//   /api/me ── 200 ─────────────────────────────────────────────────────────────▶ profile
//      └ 401 ─▶ /api/config ─▶ load jssdkUrl ─▶ no window.h5sdk ─────────────────▶ browser
//                                              └ nonce ─▶ JSAPI code ─▶ /api/session ─▶ profile
// Any failure is mapped to exactly one state by failureView(), also one the server reports in the page (reportedFailure).

import { api, ApiError } from "./api.js";
import { CONFIG_ERROR, ConfigError, configureForPage, insideFeishu, JsapiError, loadScript, requestCode, showToast, signedPageUrl } from "./jsapi.js";
import { t } from "./i18n.js";
import { render, revealJsapiAction, showJsapiStatus } from "./view.js";
import { startMyTasks } from "./tasks.js";
import { renderTasks } from "./tasks-view.js";

const ERRNO = { REFUSED: 2700002, PERMISSION_DENIED: 107, NO_REDIRECT_URL: 10235, URL_NOT_ALLOWED: 10236, NOT_VISIBLE: 10228 };

const handlers = {
  retry: () => start(),
  loginAgain: () => start(),
  logout: () => logout(api.logout, false),
  logoutEverywhere: () => logout(api.logoutEverywhere, true),
};

// Each run gets a number; a slow answer from an abandoned run (the user pressed a button meanwhile) is ignored.
let currentRun = 0;

function show(run, state, data, on = handlers) {
  if (run !== currentRun) return;
  render(state, data, on);
  // The profile carries the "My tasks" card; it renders only into its own section, which another state removes.
  if (state === "profile") {
    const card = document.getElementById("tasks");
    startMyTasks((tasksState, tasksData) => renderTasks(tasksState, tasksData, card));
  }
}

/**
 * A failure the server answered a navigation with (a browser login that ended badly at /callback, /login while a
 * store is down, a missing page): the server serves this page with data-* attributes on #app (FailurePage.java).
 * Returns it as the ApiError the page's calls would have thrown, or null on an ordinary visit.
 */
export function reportedFailure(dataset = {}) {
  if (!dataset.failure) return null;
  const retryAfter = /^\d+$/.test(dataset.retryAfter ?? "") ? Number(dataset.retryAfter) : null;
  return new ApiError(Number(dataset.status) || 0, dataset.failure, null, { retryAfter, requestId: dataset.requestId || null });
}

/** Only a same-origin path may be a "try again" target (the server sends /login or /). */
export function retryPath(dataset = {}) {
  return /^\/(?![\/\\])/.test(dataset.retry ?? "") ? dataset.retry : "/";
}

/** Shows a reported failure in the page's own states; "try again" goes where the server said. */
export function showReported(failure, dataset) {
  const run = ++currentRun;
  // The address may still carry the callback's code and state: keep only the path, so neither stays in the
  // address bar or the history, and a reload asks the server again.
  history.replaceState(null, "", location.pathname);
  const [state, data] = failureView(failure);
  const target = retryPath(dataset);
  show(run, state, data, { ...handlers, retry: () => location.assign(target) });
}

export async function start() {
  const run = ++currentRun;
  show(run, "loading", { step: "me" });
  try {
    const me = await signedInUser();
    if (me) {
      showProfile(run, me);
      return offerJsapiAction(run);
    }
    const config = await api.config();
    const scriptRan = await loadScript(config.jssdkUrl);
    // No h5sdk (or a JSSDK that could not load): an ordinary browser, which can still log in by redirect.
    if (!scriptRan || !insideFeishu()) return show(run, "browser", { loginHref: loginHref(config.loginUrl) });
    show(run, "loading", { step: "client" });
    const user = await loginInsideFeishu(run, config);
    showProfile(run, user);
    offerJsapiAction(run, config);
  } catch (failure) {
    const [state, data] = failureView(failure);
    show(run, state, data);
  }
}

function showProfile(run, user) {
  show(run, "profile", { user }, { ...handlers, jsapiToast: () => greetThroughFeishu(user) });
}

// ---- A JSAPI beyond login (showToast), which needs h5sdk.config with the server's signature ----

const JSAPI_LIST = ["showToast"];
let configured = null; // { url, promise } of this page's h5sdk.config, shared by clicks; dropped when it fails

/** Inside the Feishu client the profile offers the JSAPI action; in a plain browser it stays hidden. */
async function offerJsapiAction(run, knownConfig) {
  try {
    const config = knownConfig ?? (await api.config());
    if ((await loadScript(config.jssdkUrl)) && insideFeishu() && run === currentRun) revealJsapiAction();
  } catch {
    // The action is an extra: without it the profile still works, so a failure here only keeps it hidden.
  }
}

/** h5sdk.config (once per page URL, retried once by configureForPage), then tt.showToast with a greeting. */
async function greetThroughFeishu(user) {
  showJsapiStatus("working", t("jsapi.working"));
  const url = signedPageUrl();
  if (configured?.url !== url) {
    configured = { url, promise: configureForPage({ sign: (rejected) => api.jssdkConfig(url, rejected), jsApiList: JSAPI_LIST }) };
  }
  try {
    await configured.promise;
    await showToast({ title: t("jsapi.toast", { name: user.name || user.enName || "" }) });
    showJsapiStatus("done", t("jsapi.done"));
  } catch (failure) {
    if (failure instanceof ConfigError || failure instanceof ApiError) configured = null;
    const { kind, text } = jsapiFailureView(failure);
    showJsapiStatus(kind, text);
  }
}

/** Maps a failure of the JSAPI action (h5sdk.config's errorCode, the signature route, the JSAPI) to [kind, text]. */
export function jsapiFailureView(failure) {
  if (failure instanceof ConfigError) {
    const code = failure.errorCode;
    switch (code) {
      case CONFIG_ERROR.SIGNATURE_INVALID:
      case CONFIG_ERROR.NO_VALID_TICKET:
        return { kind: "retry", text: t("jsapi.signature", { code }) };
      case CONFIG_ERROR.SIGNATURE_REPEATED:
      case CONFIG_ERROR.SIGNATURE_EXPIRED:
        return { kind: "retry", text: t("jsapi.expired", { code }) };
      case CONFIG_ERROR.APP_ID_INVALID:
      case CONFIG_ERROR.APP_NOT_FOUND:
        return { kind: "config", text: t("jsapi.appId", { code }) };
      case CONFIG_ERROR.NO_TRUSTED_DOMAIN:
      case CONFIG_ERROR.NOT_TRUSTED_DOMAIN:
        return { kind: "config", text: t("jsapi.domain", { code, origin: location.origin }) };
      case CONFIG_ERROR.JSAPI_NOT_AUTHORIZED:
      case CONFIG_ERROR.JSAPI_UNKNOWN:
        return { kind: "config", text: t("jsapi.notAuthorized", { code }) };
      case CONFIG_ERROR.APP_NOT_VISIBLE:
        return { kind: "config", text: t("jsapi.notVisible", { code }) };
      case CONFIG_ERROR.NETWORK:
      case CONFIG_ERROR.REQUEST_FAILED:
      case CONFIG_ERROR.BAD_RESPONSE:
        return { kind: "retry", text: t("jsapi.network", { code }) };
      default:
        console.warn("miandeng: h5sdk.config failed", failure);
        return { kind: "error", text: t("jsapi.configFailed", { code }) };
    }
  }
  if (failure instanceof JsapiError) return { kind: "error", text: t("jsapi.failed", { code: failure.errno }) };
  if (failure instanceof ApiError) {
    if (failure.status === 503 || failure.code === "timeout") {
      return { kind: "unavailable", text: failure.retryAfter ? t("unavailable.wait", { seconds: failure.retryAfter }) : t("unavailable.soon") };
    }
    if (failure.code === "rate_limited") return { kind: "retry", text: t("error.rate_limited", { seconds: failure.retryAfter ?? 60 }) };
    if (failure.code === "network") return { kind: "retry", text: t("error.network") };
  }
  console.error("miandeng: the JSAPI action failed", failure);
  return { kind: "error", text: t("jsapi.error") };
}

/** The returning user: a live session shows the profile at once, without asking the client for a code. */
async function signedInUser() {
  try {
    return (await api.me()).user;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) return null;
    throw failure;
  }
}

/** Nonce, then a fresh code, then the session; a stale login state (400 login_state_invalid) restarts once. */
async function loginInsideFeishu(run, config, attempt = 1) {
  const { nonce } = await api.nonce();
  const code = await requestCode({ appId: config.appId, scopes: config.scopes ?? [], nonce, report: reportClientError });
  show(run, "loading", { step: "session" });
  try {
    return (await api.session(code, nonce)).user;
  } catch (failure) {
    if (attempt === 1 && failure instanceof ApiError && failure.code === "login_state_invalid") return loginInsideFeishu(run, config, 2);
    throw failure;
  }
}

/** Tells the server's metrics which JSAPI failed and how; a lost report must never disturb the login. */
export function reportClientError(jsapi, errno) {
  api.clientError(jsapi, errno).catch(() => {});
}

async function logout(call, everywhere) {
  const run = ++currentRun;
  show(run, "loading", { step: "logout" });
  try {
    await call();
    show(run, "logged-out", { everywhere });
  } catch (failure) {
    // 401: the session had already ended, which is what the user asked for.
    if (failure instanceof ApiError && failure.status === 401) return show(run, "logged-out", { everywhere });
    show(run, ...failureView(failure));
  }
}

function loginHref(loginUrl = "/login") {
  const here = `${location.pathname}${location.search}`;
  return `${loginUrl}${loginUrl.includes("?") ? "&" : "?"}return=${encodeURIComponent(here)}`;
}

// Query and fragment are ignored when Feishu matches redirect URLs, so the operator adds origin + path.
const pageUrl = () => `${location.origin}${location.pathname}`;

/** Maps every failure (client errno, HTTP error, timeout) to [state, data]. */
export function failureView(failure) {
  if (failure instanceof JsapiError) {
    switch (failure.errno) {
      case ERRNO.REFUSED:
      case ERRNO.PERMISSION_DENIED:
        return ["refused", { reason: "access" }];
      case ERRNO.NO_REDIRECT_URL:
      case ERRNO.URL_NOT_ALLOWED:
        return ["config-error", { errno: failure.errno, pageUrl: pageUrl() }];
      case ERRNO.NOT_VISIBLE:
        return ["not-visible", {}];
      default:
        console.warn("miandeng: the Feishu client failed", failure);
        return ["error", { text: t("error.client", { errno: failure.errno }) }];
    }
  }
  if (failure instanceof ApiError) {
    const { requestId, retryAfter } = failure;
    if (failure.status === 503 || failure.code === "timeout") return ["unavailable", { retryAfter, requestId }];
    if (failure.code === "code_refused") return ["refused", { reason: "code", requestId }];
    if (failure.code === "access_denied") return ["refused", { reason: "access", requestId }];
    if (failure.code === "network") return ["error", { text: t("error.network") }];
    if (failure.code === "rate_limited") return ["error", { text: t("error.rate_limited", { seconds: retryAfter ?? 60 }), requestId }];
    const known = ["user_not_allowed", "tenant_not_allowed", "server_misconfigured", "login_state_invalid", "not_found"].includes(failure.code);
    return ["error", { text: known ? t(`error.${failure.code}`) : null, requestId }];
  }
  console.error("miandeng: unexpected failure", failure);
  return ["error", {}];
}
