// Plain-Node unit tests for the page's pure parts (no DOM, no dependencies): node --test frontend/src/test/js
// The end-to-end behaviour (states, clicks, CSP) is covered by the Selenium tests against the running server.
import { test } from "node:test";
import assert from "node:assert/strict";

const assets = "../../main/resources/frontend/assets/";
const { api, ApiError } = await import(`${assets}api.js`);
const { JsapiError, requestCode } = await import(`${assets}jsapi.js`);
const { keysOf, languages, pickLanguage, t } = await import(`${assets}i18n.js`);
const { initialsOf } = await import(`${assets}view.js`);
const { failureView, reportedFailure, reportClientError, retryPath } = await import(`${assets}flow.js`);
const { readFile } = await import("node:fs/promises");

test("every sentence exists in Chinese and in English", () => {
  assert.deepEqual(languages.sort(), ["en", "zh"]);
  assert.deepEqual(keysOf("zh").sort(), keysOf("en").sort());
});

test("zh* picks Chinese, anything else English", () => {
  assert.equal(pickLanguage(["zh-CN"]), "zh");
  assert.equal(pickLanguage(["zh-Hant-TW"]), "zh");
  assert.equal(pickLanguage(["ZH"]), "zh");
  assert.equal(pickLanguage(["en-GB"]), "en");
  assert.equal(pickLanguage([]), "en");
  assert.equal(t("unavailable.wait", { seconds: 30 }, "zh"), "请在 30 秒后重试。");
});

test("initials: last two Han characters, else first letters of two words", () => {
  assert.equal(initialsOf({ name: "欧阳娜娜" }), "娜娜");
  assert.equal(initialsOf({ name: "张三", enName: "Zhang San" }), "张三");
  assert.equal(initialsOf({ name: "ada lovelace" }), "AL");
  assert.equal(initialsOf({ name: '<img src=x onerror="x">Eve', enName: "Eve" }), "E");
  assert.equal(initialsOf({ name: "<>&" }), "?");
});

test("client errnos map to the contract's states", () => {
  assert.equal(failureView(new JsapiError(2700002))[0], "refused");
  assert.equal(failureView(new JsapiError(107))[0], "refused");
  assert.equal(failureView(new JsapiError(10228))[0], "not-visible");
  globalThis.location = { origin: "https://app.example", pathname: "/", search: "?x=1" };
  assert.deepEqual(failureView(new JsapiError(10235)), ["config-error", { errno: 10235, pageUrl: "https://app.example/" }]);
  assert.equal(failureView(new JsapiError(10236))[0], "config-error");
  assert.equal(failureView(new JsapiError("timeout"))[0], "error");
});

test("server errors map to the contract's states", () => {
  assert.deepEqual(failureView(new ApiError(503, "auth_center_unavailable", "", { retryAfter: 30, requestId: "r" })), ["unavailable", { retryAfter: 30, requestId: "r" }]);
  assert.equal(failureView(new ApiError(0, "timeout"))[0], "unavailable");
  assert.deepEqual(failureView(new ApiError(401, "code_refused", "", { requestId: "r" })), ["refused", { reason: "code", requestId: "r" }]);
  assert.equal(failureView(new ApiError(403, "user_not_allowed"))[0], "error");
  assert.equal(failureView(new ApiError(500, "server_misconfigured"))[0], "error");
});

test("a failed browser login reported in the page maps to the page's own states, with the request id", () => {
  const declined = reportedFailure({ status: "403", failure: "access_denied", requestId: "req-9", retry: "/login" });
  assert.deepEqual(failureView(declined), ["refused", { reason: "access", requestId: "req-9" }]);
  const down = reportedFailure({ status: "503", failure: "auth_center_unavailable", requestId: "r", retryAfter: "10" });
  assert.deepEqual(failureView(down), ["unavailable", { retryAfter: 10, requestId: "r" }]);
  assert.deepEqual(failureView(reportedFailure({ status: "400", failure: "login_state_invalid", requestId: "r" })), ["error", { text: t("error.login_state_invalid"), requestId: "r" }]);
  assert.deepEqual(failureView(reportedFailure({ status: "401", failure: "code_refused", requestId: "r" })), ["refused", { reason: "code", requestId: "r" }]);
  assert.equal(failureView(reportedFailure({ status: "500", failure: "server_misconfigured", requestId: "r" }))[1].text, t("error.server_misconfigured"));
  assert.equal(reportedFailure({}), null, "an ordinary visit reports nothing");
  assert.equal(reportedFailure({ status: "503", failure: "store_unavailable", retryAfter: "soon" }).retryAfter, null);
});

test("\"try again\" after a reported failure only ever goes to a same-origin path", () => {
  assert.equal(retryPath({ retry: "/login" }), "/login");
  for (const unsafe of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", undefined]) {
    assert.equal(retryPath({ retry: unsafe }), "/", String(unsafe));
  }
});

test("index.html carries the element the server writes a failure into (FailurePage.MARKER)", async () => {
  const page = await readFile(new URL("../../main/resources/frontend/index.html", import.meta.url), "utf8");
  assert.ok(page.includes('<main id="app" data-state="loading">'));
});

function fakeFetch(status, body, headers = {}) {
  const calls = [];
  globalThis.fetch = async (path, init) => {
    calls.push({ path, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
  };
  return calls;
}

test("POSTs are same-origin JSON with the CSRF header and an abort signal", async () => {
  const calls = fakeFetch(200, { nonce: "n" });
  assert.deepEqual(await api.nonce(), { nonce: "n" });
  const { path, init } = calls[0];
  assert.equal(path, "/api/login/nonce");
  assert.equal(init.method, "POST");
  assert.equal(init.credentials, "same-origin");
  assert.equal(init.headers["X-Requested-With"], "miandeng");
  assert.equal(init.headers["Content-Type"], "application/json");
  assert.equal(init.body, "{}");
  assert.ok(init.signal instanceof AbortSignal);
});

test("an error body becomes an ApiError with code, Retry-After and request id", async () => {
  fakeFetch(503, { error: "store_unavailable", message: "m", requestId: "req-1" }, { "Retry-After": "12" });
  await assert.rejects(api.session("c", "n"), (e) => e instanceof ApiError && e.status === 503 && e.code === "store_unavailable" && e.retryAfter === 12 && e.requestId === "req-1");
  fakeFetch(204);
  assert.equal(await api.logout(), null);
});

function fakeClient({ access, authCode }) {
  const seen = [];
  const errorHandlers = [];
  globalThis.window = {
    h5sdk: { ready: (cb) => setTimeout(cb), error: (cb) => errorHandlers.push(cb) },
    tt: {
      ...(access && { requestAccess: (o) => { seen.push(["requestAccess", o.appID, o.state]); setTimeout(() => access(o)); } }),
      requestAuthCode: (o) => { seen.push(["requestAuthCode", o.appId]); setTimeout(() => authCode(o)); },
    },
  };
  // The client reporting a failure through h5sdk.error (not enumerable: `seen` stays a plain list of calls).
  Object.defineProperty(seen, "reportError", { value: (failure) => errorHandlers.forEach((handler) => handler(failure)) });
  return seen;
}

test("requestAccess gets appID and the nonce; errno 103 falls back to requestAuthCode with appId", async () => {
  const seen = fakeClient({ access: (o) => o.fail({ errno: 103 }), authCode: (o) => o.success({ code: "legacy" }) });
  assert.equal(await requestCode({ appId: "cli_x", scopes: [], nonce: "N" }), "legacy");
  assert.deepEqual(seen, [["requestAccess", "cli_x", "N"], ["requestAuthCode", "cli_x"]]);
});

test("a refusal is reported with its errno, and a foreign state is rejected", async () => {
  fakeClient({ access: (o) => o.fail({ errno: 2700002, errString: "no" }), authCode: () => assert.fail("no fallback on refusal") });
  await assert.rejects(requestCode({ appId: "a", scopes: [], nonce: "N" }), (e) => e.errno === 2700002);
  fakeClient({ access: (o) => o.success({ code: "c", state: "other" }), authCode: () => {} });
  await assert.rejects(requestCode({ appId: "a", scopes: [], nonce: "N" }), (e) => e.errno === "state_mismatch");
});

test("a state echoed as null or \"\" counts as not echoed", async () => {
  for (const state of [null, "", undefined]) {
    fakeClient({ access: (o) => o.success({ code: "c", state }), authCode: () => assert.fail("no fallback") });
    assert.equal(await requestCode({ appId: "a", scopes: [], nonce: "N" }), "c");
  }
});

test("errno 103 reported through h5sdk.error before or after requestAccess's fail: the fallback finishes", async () => {
  let seen = fakeClient({
    access: (o) => { seen.reportError({ errno: 103, errString: "not supported" }); setTimeout(() => o.fail({ errno: 103 })); },
    authCode: (o) => setTimeout(() => o.success({ code: "legacy" }), 5),
  });
  assert.equal(await requestCode({ appId: "cli_x", scopes: [], nonce: "N" }), "legacy");
  assert.deepEqual(seen, [["requestAccess", "cli_x", "N"], ["requestAuthCode", "cli_x"]]);

  seen = fakeClient({
    access: (o) => { o.fail({ errno: 103 }); setTimeout(() => seen.reportError({ errno: 103 })); },
    authCode: (o) => setTimeout(() => o.success({ code: "legacy" }), 5),
  });
  assert.equal(await requestCode({ appId: "cli_x", scopes: [], nonce: "N" }), "legacy");
  assert.deepEqual(seen, [["requestAccess", "cli_x", "N"], ["requestAuthCode", "cli_x"]]);
});

test("h5sdk.error fails the call in flight with its errno, and nothing when no call is in flight", async () => {
  const seen = fakeClient({ access: () => seen.reportError({ errno: 10236, errString: "url" }), authCode: () => assert.fail("no fallback") });
  await assert.rejects(requestCode({ appId: "a", scopes: [], nonce: "N" }), (e) => e.errno === 10236);

  const early = fakeClient({ access: (o) => o.success({ code: "c", state: "N" }), authCode: () => {} });
  early.reportError({ errno: 10236 }); // registered handlers of an earlier page run: none in flight here
  const pending = requestCode({ appId: "a", scopes: [], nonce: "N" });
  early.reportError({ errno: 10236 }); // before h5sdk.ready: no JSAPI call in flight
  assert.equal(await pending, "c");
});

test("every failed JSAPI call is reported once, the 103 before the fallback included", async () => {
  const reports = [];
  const report = (jsapi, errno) => reports.push([jsapi, errno]);
  let seen = fakeClient({
    access: (o) => { seen.reportError({ errno: 103 }); setTimeout(() => o.fail({ errno: 103 })); },
    authCode: (o) => o.fail({ errno: 10236, errString: "url" }),
  });
  await assert.rejects(requestCode({ appId: "a", scopes: [], nonce: "N", report }), (e) => e.errno === 10236);
  assert.deepEqual(reports, [["requestAccess", 103], ["requestAuthCode", 10236]]);

  reports.length = 0;
  fakeClient({ access: (o) => o.success({ code: "c" }), authCode: () => assert.fail("no fallback") });
  assert.equal(await requestCode({ appId: "a", scopes: [], nonce: "N", report }), "c");
  assert.deepEqual(reports, []);
});

test("a JSAPI failure report is a keepalive POST with the CSRF header and string fields; its failure is swallowed", async () => {
  const calls = fakeFetch(204);
  reportClientError("requestAccess", 103);
  await new Promise((resolve) => setTimeout(resolve));
  const { path, init } = calls[0];
  assert.equal(path, "/api/client-errors");
  assert.equal(init.method, "POST");
  assert.equal(init.keepalive, true);
  assert.equal(init.headers["X-Requested-With"], "miandeng");
  assert.deepEqual(JSON.parse(init.body), { api: "requestAccess", errno: "103" });

  globalThis.fetch = async () => { throw new TypeError("offline"); };
  reportClientError("requestAuthCode", "unknown");
  await new Promise((resolve) => setTimeout(resolve, 5));
});
