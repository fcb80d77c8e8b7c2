// The "My tasks" card's logic (tasks.js) without a DOM: which state each answer shows, that consent asks for the
// missing scopes only and calls once more, and that a refusal or a second consent_needed never loops.
import { test } from "node:test";
import assert from "node:assert/strict";

const assets = "../../main/resources/frontend/assets/";
const { ApiError } = await import(`${assets}api.js`);
const { JsapiError } = await import(`${assets}jsapi.js`);
const { consentHref, formatDue, missingScopes, showMyTasks, tasksFailureView } = await import(`${assets}tasks.js`);

const consentNeeded = (scopes) =>
  new ApiError(403, "consent_needed", "", { details: { error: "consent_needed", missingScopes: scopes } });

/** A card whose every shown state is recorded; answers are the api's replies in order (an Error is thrown). */
function card(answers, consent = async () => {}) {
  const shown = [];
  const asked = [];
  const deps = {
    api: { myTasks: async () => { const next = answers.shift(); if (next instanceof Error) throw next; return next; } },
    show: (state, data) => shown.push([state, data]),
    consent: async (scopes) => { asked.push(scopes); return consent(scopes); },
  };
  return { deps, shown, asked, states: () => shown.map(([state]) => state) };
}

test("tasks show as a list, none as the empty state", async () => {
  const some = card([{ tasks: [{ id: "g1", summary: "Report", completed: false }] }]);
  await showMyTasks(some.deps);
  assert.deepEqual(some.states(), ["loading", "list"]);
  assert.equal(some.shown[1][1].tasks[0].summary, "Report");

  const none = card([{ tasks: [] }]);
  await showMyTasks(none.deps);
  assert.deepEqual(none.states(), ["loading", "empty"]);
});

test("consent_needed asks for exactly the missing scopes, then calls once more", async () => {
  const c = card([consentNeeded(["offline_access", "task:task:read"]), { tasks: [] }]);
  await showMyTasks(c.deps);
  assert.deepEqual(c.states(), ["loading", "consent"]);
  assert.deepEqual(c.shown[1][1].scopes, ["offline_access", "task:task:read"]);
  assert.deepEqual(c.asked, []); // nothing is asked before the user presses the button

  await c.shown[1][1].grant();
  assert.deepEqual(c.asked, [["offline_access", "task:task:read"]]);
  assert.deepEqual(c.states(), ["loading", "consent", "loading", "empty"]);
});

test("a second consent_needed after consenting is an error, not another request", async () => {
  const c = card([consentNeeded(["task:task:read"]), consentNeeded(["task:task:read"])]);
  await showMyTasks(c.deps);
  await c.shown[1][1].grant();
  assert.deepEqual(c.states(), ["loading", "consent", "loading", "error"]);
  assert.equal(c.shown[3][1].reason, "still-missing");
  assert.equal(c.asked.length, 1);
});

test("the call after a browser consent (attempt 2) does not ask again", async () => {
  const c = card([consentNeeded(["task:task:read"])]);
  await showMyTasks(c.deps, 2);
  assert.deepEqual(c.states(), ["loading", "error"]);
  assert.deepEqual(c.asked, []);
});

test("refusing the consent sheet shows the refused state; asking again works", async () => {
  let refuse = true;
  const c = card([consentNeeded(["task:task:read"]), { tasks: [] }], async () => {
    if (refuse) throw new JsapiError(2700002, "user refused");
  });
  await showMyTasks(c.deps);
  await c.shown[1][1].grant();
  assert.deepEqual(c.states(), ["loading", "consent", "refused"]);

  refuse = false;
  await c.shown[2][1].retry();
  assert.deepEqual(c.states(), ["loading", "consent", "refused", "loading", "empty"]);
});

test("outages and other failures map to the card's states", () => {
  const retry = () => {};
  assert.deepEqual(tasksFailureView(new ApiError(503, "auth_center_unavailable", "", { retryAfter: 10, requestId: "r" }), retry),
    ["unavailable", { retryAfter: 10, requestId: "r", retry }]);
  assert.equal(tasksFailureView(new ApiError(0, "timeout"), retry)[0], "unavailable");
  assert.equal(tasksFailureView(new ApiError(500, "internal_error"), retry)[1].reason, "server");
  assert.equal(tasksFailureView(new ApiError(401, "unauthenticated"), retry)[1].reason, "session");
  assert.equal(tasksFailureView(new JsapiError(107), retry)[0], "refused");
  assert.deepEqual(tasksFailureView(new JsapiError(103), retry)[1].errno, 103);
});

test("only a 403 consent_needed with scopes asks for consent", () => {
  assert.deepEqual(missingScopes(consentNeeded(["a:b"])), ["a:b"]);
  assert.equal(missingScopes(consentNeeded([])), null);
  assert.equal(missingScopes(new ApiError(403, "user_not_allowed")), null);
  assert.equal(missingScopes(new ApiError(403, "consent_needed", "", { details: { missingScopes: "a:b" } })), null);
  assert.equal(missingScopes(new Error("x")), null);
});

test("the browser consent goes to /login with the scopes and comes back here", () => {
  assert.equal(consentHref(["offline_access", "task:task:read"], "/?a=1"), "/login?scope=offline_access%20task%3Atask%3Aread&return=%2F%3Fa%3D1");
});

test("due dates in the page's language; garbage shows none", () => {
  assert.equal(formatDue("2026-12-08T12:00:00Z", "en"), "Dec 8, 2026");
  assert.match(formatDue("2026-12-08T12:00:00Z", "zh"), /2026年12月8日/);
  assert.equal(formatDue(undefined), null);
  assert.equal(formatDue("soon"), null);
});

test("declining the browser consent at Feishu is the card's refusal only when that consent was asked for", async () => {
  const { consentDeclinedInBrowser, CONSENT_MARK } = await import(`${assets}tasks.js`);
  const storage = new Map();
  const session = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v), removeItem: (k) => storage.delete(k) };
  const declined = new ApiError(403, "access_denied");
  assert.equal(consentDeclinedInBrowser(declined, session), false, "a declined login is the page's refusal");
  session.setItem(CONSENT_MARK, "1");
  assert.equal(consentDeclinedInBrowser(new ApiError(503, "auth_center_unavailable"), session), false);
  assert.equal(consentDeclinedInBrowser(declined, session), true);
  assert.equal(session.getItem(CONSENT_MARK), null, "asked once");
  assert.equal(consentDeclinedInBrowser(declined, session), false);
});

test("a server that keeps no user tokens (501 token_vault_off) shows vault-off and never offers consent", async () => {
  const vaultOff = new ApiError(501, "token_vault_off", "", { requestId: "r" });
  const first = card([vaultOff]);
  await showMyTasks(first.deps);
  assert.deepEqual(first.states(), ["loading", "vault-off"]);
  assert.equal(first.shown[1][1].grant, undefined);
  assert.deepEqual(first.asked, []);

  const afterABrowserConsent = card([vaultOff]);
  await showMyTasks(afterABrowserConsent.deps, 2);
  assert.deepEqual(afterABrowserConsent.states(), ["loading", "vault-off"], "not 'still-missing': the cause is the server");
  assert.equal(missingScopes(vaultOff), null);
});

test("the vault-off card says why in both languages, hints MIANDENG_TOKEN_KEY to the administrator, and has no button", async () => {
  const { t } = await import(`${assets}i18n.js`);
  assert.equal(t("tasks.vaultOff", {}, "en"), "This server keeps no Feishu tokens, so it cannot show your tasks.");
  assert.match(t("tasks.vaultOff", {}, "zh"), /不保存飞书令牌/);
  for (const language of ["en", "zh"]) assert.match(t("tasks.vaultOffHint", {}, language), /MIANDENG_TOKEN_KEY.*Token vault/);

  // Just enough of a DOM for tasks-view.js: elements with attributes, children and text.
  const element = (tag) => ({
    tag, attributes: {}, children: [], dataset: {}, isConnected: true,
    setAttribute(name, value) { this.attributes[name] = value; },
    addEventListener() {},
    append(...nodes) { this.children.push(...nodes); },
    replaceChildren(...nodes) { this.children = nodes; },
  });
  const text = (node) => (typeof node === "string" ? node : node.children.map(text).join(" "));
  const all = (node) => (typeof node === "string" ? [] : [node, ...node.children.flatMap(all)]);
  globalThis.document = { createElement: element };
  try {
    const { renderTasks, TASK_STATES } = await import(`${assets}tasks-view.js`);
    assert.ok(TASK_STATES.includes("vault-off"));
    const section = element("section");
    renderTasks("vault-off", {}, section);
    assert.equal(section.dataset.tasksState, "vault-off");
    assert.match(text(section), /keeps no Feishu tokens|不保存飞书令牌/);
    assert.match(text(section), /MIANDENG_TOKEN_KEY/);
    assert.deepEqual(all(section).filter((node) => node.tag === "button"), [], "no consent, no retry: neither can help");
  } finally {
    delete globalThis.document;
  }
});
