// The "My tasks" card on the profile (WEB-API.md GET /api/me/tasks): the demo of an OpenAPI call the server makes
// as the user. Its own small state machine, inside #tasks, so the rest of the profile keeps working whatever the
// card shows:
//   loading ─▶ list | empty
//      └ 403 consent_needed ─▶ consent ── the user presses "Allow" ─▶ ask for missingScopes only ─▶ loading (once more)
//                                                                    └ refused ─▶ refused ("Ask again")
//      └ 501 token_vault_off ─▶ vault-off (the server keeps no user tokens: no consent is offered, it could not help)
//      └ 503 / timeout ─▶ unavailable;  anything else ─▶ error
// Asking: inside Feishu tt.requestAccess({scopeList: missingScopes}) and the code posted like a login; in a browser
// the authorize page via /login?scope=…&return=… . After one consent the call is made once more; a second
// consent_needed is an error, never a loop.

import { api, ApiError } from "./api.js";
import { insideFeishu, JsapiError, loadScript, requestCode } from "./jsapi.js";
import { lang, t } from "./i18n.js";

const ERRNO_REFUSED = [2700002, 107];

/** sessionStorage key: a browser consent was asked for; the page it returns to makes its one more call. */
export const CONSENT_MARK = "miandeng.tasksConsentAsked";

/** sessionStorage key: the user declined that browser consent at Feishu; the card shows the refusal. */
const REFUSED_MARK = "miandeng.tasksConsentRefused";

/**
 * Whether a failure the server reported in the page (the callback's access_denied) is the user declining the tasks
 * consent in a browser: then the user is still signed in, so the page shows the profile (the address reset to "/"),
 * and the card shows the refusal instead of the whole page saying "not signed in".
 */
export function consentDeclinedInBrowser(failure, storage = globalThis.sessionStorage) {
  if (storage?.getItem(CONSENT_MARK) !== "1" || failure?.code !== "access_denied") return false;
  storage.removeItem(CONSENT_MARK);
  storage.setItem(REFUSED_MARK, "1");
  return true;
}

/**
 * Loads the tasks and shows the outcome. deps: { api, show(state, data), consent(scopes) → Promise }.
 * attempt 2 = the call after a consent: consent_needed again is an error.
 */
export async function showMyTasks(deps, attempt = 1) {
  deps.show("loading", {});
  try {
    const { tasks } = await deps.api.myTasks();
    return deps.show(tasks.length ? "list" : "empty", { tasks });
  } catch (failure) {
    const scopes = missingScopes(failure);
    if (!scopes) return deps.show(...tasksFailureView(failure, () => showMyTasks(deps, 1)));
    if (attempt > 1) return deps.show("error", { reason: "still-missing", retry: () => showMyTasks(deps, 1) });
    const grant = async () => {
      try {
        await deps.consent(scopes);
      } catch (refusal) {
        return deps.show(...tasksFailureView(refusal, grant));
      }
      return showMyTasks(deps, 2);
    };
    return deps.show("consent", { scopes, grant });
  }
}

/** The scopes to ask for when the server answered 403 consent_needed, else null. */
export function missingScopes(failure) {
  if (!(failure instanceof ApiError) || failure.status !== 403 || failure.code !== "consent_needed") return null;
  const scopes = Array.isArray(failure.details?.missingScopes) ? failure.details.missingScopes.filter((s) => typeof s === "string") : [];
  return scopes.length ? scopes : null;
}

/** Every other failure of the card: [state, data]; retry is what its button does. */
export function tasksFailureView(failure, retry) {
  if (failure instanceof JsapiError) {
    if (ERRNO_REFUSED.includes(failure.errno)) return ["refused", { retry }];
    return ["error", { reason: "client", errno: failure.errno, retry }];
  }
  if (failure instanceof ApiError) {
    if (failure.code === "token_vault_off") return ["vault-off", {}];
    if (failure.status === 503 || failure.code === "timeout") return ["unavailable", { retryAfter: failure.retryAfter, requestId: failure.requestId, retry }];
    if (failure.status === 401) return ["error", { reason: "session", requestId: failure.requestId, retry: () => location.reload() }];
    return ["error", { reason: "server", requestId: failure.requestId, retry }];
  }
  console.error("miandeng: the tasks card failed", failure);
  return ["error", { reason: "server", retry }];
}

/** Where a browser goes to grant the scopes: the app's /login with them, back to this page. */
export function consentHref(scopes, here) {
  return `/login?scope=${encodeURIComponent(scopes.join(" "))}&return=${encodeURIComponent(here)}`;
}

/** A due instant (ISO-8601) as a date in the page's language; null when there is none or it is garbled. */
export function formatDue(due, language = lang) {
  const when = typeof due === "string" ? new Date(due) : null;
  if (!when || Number.isNaN(when.getTime())) return null;
  return new Intl.DateTimeFormat(language === "zh" ? "zh-CN" : "en", { year: "numeric", month: "short", day: "numeric" }).format(when);
}

/**
 * Asks for the scopes: inside Feishu a requestAccess for them and the code posted as a login (the grant it brings is
 * kept by the server); in a browser the redirect login with them, remembered so the page coming back calls once more.
 */
async function askForConsent(scopes) {
  const config = await api.config();
  const ran = await loadScript(config.jssdkUrl);
  if (!ran || !insideFeishu()) {
    sessionStorage.setItem(CONSENT_MARK, "1");
    location.assign(consentHref(scopes, `${location.pathname}${location.search}`));
    return new Promise(() => {}); // the page is leaving
  }
  const { nonce } = await api.nonce();
  const code = await requestCode({ appId: config.appId, scopes, nonce });
  await api.session(code, nonce);
}

/** Starts the card in #tasks (the profile renders it); a no-op when the profile is not shown. */
export function startMyTasks(render) {
  const deps = { api, show: render, consent: askForConsent };
  if (sessionStorage.getItem(REFUSED_MARK) === "1") {
    sessionStorage.removeItem(REFUSED_MARK);
    return render("refused", { retry: () => showMyTasks(deps, 1) });
  }
  const returning = sessionStorage.getItem(CONSENT_MARK) === "1";
  sessionStorage.removeItem(CONSENT_MARK);
  return showMyTasks(deps, returning ? 2 : 1);
}
