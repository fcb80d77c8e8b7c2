// The Feishu client's half of the login (docs/feishu-auth-center.md §1 and §4). The script at config.jssdkUrl is
// either the official JSSDK or the simulator's shim: both define window.h5sdk / window.tt only when the page
// runs inside the (real or simulated) Feishu client, which is how the page tells "in Feishu" from "in a browser".

const READY_TIMEOUT_MS = 15000; // h5sdk.ready never firing must not leave the page spinning
const CODE_TIMEOUT_MS = 120000; // generous: with a non-empty scopeList the user reads a consent sheet
const ERRNO_NOT_SUPPORTED = 103;

/** The client refused or failed: errno as the client gave it (a number), or a word for our own failures. */
export class JsapiError extends Error {
  constructor(errno, detail = "") {
    super(`JSAPI failed: ${errno}${detail ? ` (${detail})` : ""}`);
    this.name = "JsapiError";
    this.errno = errno;
    this.detail = detail;
  }
}

const loaded = new Map(); // url -> Promise<boolean>: a retry must not add the script twice

/** Adds a <script> for url once; resolves true when it ran, false when it could not be loaded. */
export function loadScript(url) {
  if (!loaded.has(url)) {
    loaded.set(url, new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.addEventListener("load", () => resolve(true), { once: true });
      script.addEventListener("error", () => { loaded.delete(url); resolve(false); }, { once: true });
      document.head.append(script);
    }));
  }
  return loaded.get(url);
}

export const insideFeishu = () => typeof window.h5sdk === "object" && window.h5sdk !== null;

function toError(failure) {
  const errno = Number(failure?.errno ?? failure?.errCode ?? NaN);
  const detail = String(failure?.errString ?? failure?.errMsg ?? failure?.message ?? "");
  return new JsapiError(Number.isNaN(errno) ? "unknown" : errno, detail);
}

/** requestAccess echoes `state` when it was given one; `null` or `""` is the same as not echoing it. */
const echoed = (state) => state !== undefined && state !== null && state !== "";

/**
 * Asks the client for a one-time code: tt.requestAccess (appID, capital D) with the nonce as state, falling
 * back to tt.requestAuthCode (appId, lowercase d) when requestAccess is missing or answers errno 103.
 *
 * h5sdk.error (docs/feishu-auth-center.md §4: "register h5sdk.error(cb) for failures") reports failures apart from
 * the call that failed, and a client may report one failure both there and through the call's own `fail`.
 * So it fails only the JSAPI call in flight, exactly as that call's `fail` would: an errno 103 reported there
 * for requestAccess starts the requestAuthCode fallback (once), and the same 103 arriving again, while the
 * fallback runs, belongs to the call the fallback replaced and is ignored. With no call in flight it fails
 * nothing (h5sdk.ready's own timeout still guards the start).
 *
 * `report(api, errno)` hears every JSAPI call that failed (the 103 that starts the fallback included), once per
 * call, so the server can count what clients answer (POST /api/client-errors); it must not throw.
 */
export function requestCode({ appId, scopes, nonce, report = () => {} }) {
  const { h5sdk } = window;
  return new Promise((resolve, reject) => {
    let settled = false;
    let inFlight = null; // { name, fail }: the JSAPI call waiting for its answer
    let timer = setTimeout(() => finish(reject, new JsapiError("timeout", "h5sdk.ready")), READY_TIMEOUT_MS);
    function finish(outcome, value) {
      if (settled) return;
      settled = true;
      inFlight = null;
      clearTimeout(timer);
      outcome(value);
    }
    const succeed = (result) => (result?.code ? finish(resolve, result.code) : finish(reject, new JsapiError("unknown", "no code")));
    const fail = (failure) => finish(reject, toError(failure));
    /** Starts one JSAPI call; its outcome counts only while it is the call in flight (one answer per call). */
    function call(name, invoke, { onSuccess, onFail }) {
      const current = {
        name,
        fail: (failure) => {
          if (inFlight !== current) return;
          inFlight = null;
          report(name, toError(failure).errno);
          onFail(failure);
        },
      };
      inFlight = current;
      invoke({
        success: (result) => {
          if (inFlight !== current) return;
          inFlight = null;
          onSuccess(result);
        },
        fail: current.fail,
      });
    }
    const requestAuthCode = () =>
      call("requestAuthCode", (callbacks) => window.tt.requestAuthCode({ appId, ...callbacks }), { onSuccess: succeed, onFail: fail });

    h5sdk.error?.((failure) => {
      if (inFlight === null) return;
      if (inFlight.name === "requestAuthCode" && toError(failure).errno === ERRNO_NOT_SUPPORTED) return;
      inFlight.fail(failure);
    });
    h5sdk.ready(() => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(reject, new JsapiError("timeout", "code")), CODE_TIMEOUT_MS);
      const tt = window.tt;
      if (typeof tt?.requestAccess === "function") {
        call("requestAccess", (callbacks) => tt.requestAccess({ appID: appId, scopeList: scopes, state: nonce, ...callbacks }), {
          onSuccess: (result) => (echoed(result?.state) && result.state !== nonce ? finish(reject, new JsapiError("state_mismatch")) : succeed(result)),
          onFail: (failure) => (toError(failure).errno === ERRNO_NOT_SUPPORTED && typeof tt.requestAuthCode === "function" ? requestAuthCode() : fail(failure)),
        });
      } else if (typeof tt?.requestAuthCode === "function") {
        requestAuthCode();
      } else {
        finish(reject, new JsapiError("unknown", "no tt.requestAccess / tt.requestAuthCode"));
      }
    });
  });
}

// ---- JSAPIs beyond login: h5sdk.config with the server's signature (Feishu "鉴权调用 JSAPI") ----

const CONFIG_TIMEOUT_MS = 15000;

/**
 * The errorCodes h5sdk.config's onFail gives (Feishu's errno page, "以下错误码是 h5sdk.config 归属的错误码").
 * Only 333441 / 333442 blame the ticket; 333443 / 333444 the signature's freshness (a new one fixes both).
 */
export const CONFIG_ERROR = {
  PARAMETER_TYPE: 1012,
  NETWORK: 1014,
  REQUEST_FAILED: 10001,
  BAD_RESPONSE: 10002,
  APP_ID_INVALID: 333430,
  APP_NOT_FOUND: 333440,
  SIGNATURE_INVALID: 333441,
  NO_VALID_TICKET: 333442,
  SIGNATURE_REPEATED: 333443,
  SIGNATURE_EXPIRED: 333444,
  JSAPI_NOT_AUTHORIZED: 333445,
  JSAPI_UNKNOWN: 333446,
  NO_TRUSTED_DOMAIN: 333447,
  NOT_TRUSTED_DOMAIN: 333448,
  APP_NOT_VISIBLE: 333449,
};

/** Codes a new signature may cure: the page asks the server once more (sending the code), then gives up. */
export const RETRY_ONCE = new Set([
  CONFIG_ERROR.SIGNATURE_INVALID,
  CONFIG_ERROR.NO_VALID_TICKET,
  CONFIG_ERROR.SIGNATURE_REPEATED,
  CONFIG_ERROR.SIGNATURE_EXPIRED,
]);

/** h5sdk.config refused the configuration: errorCode as the client gave it (a number), or a word of ours. */
export class ConfigError extends Error {
  constructor(errorCode, detail = "") {
    super(`h5sdk.config failed: ${errorCode}${detail ? ` (${detail})` : ""}`);
    this.name = "ConfigError";
    this.errorCode = errorCode;
    this.detail = detail;
  }
}

/** The page's URL as Feishu signs and checks it: location.href without the fragment. */
export const signedPageUrl = (href = window.location.href) => String(href).split("#")[0];

/** One h5sdk.config call; resolves on onSuccess, rejects with ConfigError on onFail or when nothing answers. */
export function configure(config, jsApiList) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome(value);
    };
    const timer = setTimeout(() => finish(reject, new ConfigError("timeout")), CONFIG_TIMEOUT_MS);
    window.h5sdk.config({
      appId: config.appId,
      timestamp: config.timestamp,
      nonceStr: config.nonceStr,
      signature: config.signature,
      jsApiList,
      onSuccess: () => finish(resolve),
      onFail: (failure) => {
        const code = Number(failure?.errorCode ?? failure?.errno ?? NaN);
        finish(reject, new ConfigError(Number.isNaN(code) ? "unknown" : code, String(failure?.errorMessage ?? failure?.errString ?? "")));
      },
    });
  });
}

/**
 * Configures the client for this page: asks the server to sign (`sign(rejected)` → {appId, timestamp, nonceStr,
 * signature}), calls h5sdk.config, and when the client refuses with a code a new signature may cure (RETRY_ONCE)
 * asks once more, telling the server the code (it renews its ticket for 333441 / 333442, at most once per ticket).
 */
export async function configureForPage({ sign, jsApiList }) {
  try {
    return await configure(await sign(), jsApiList);
  } catch (failure) {
    if (!(failure instanceof ConfigError) || !RETRY_ONCE.has(failure.errorCode)) throw failure;
    return configure(await sign(String(failure.errorCode)), jsApiList);
  }
}

/** tt.showToast (needs h5sdk.config first); resolves when shown, rejects with JsapiError. */
export function showToast({ title, icon = "success", duration = 2000 }) {
  return new Promise((resolve, reject) => {
    if (typeof window.tt?.showToast !== "function") {
      reject(new JsapiError("unknown", "no tt.showToast"));
      return;
    }
    window.tt.showToast({ title, icon, duration, success: () => resolve(), fail: (failure) => reject(toError(failure)) });
  });
}
