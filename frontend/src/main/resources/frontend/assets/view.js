// One render function per page state (WEB-API.md "The page's states"). Each returns what the card shows:
// a visual, a title, the #message sentence and the body (details and buttons). render() swaps them in.
// Server-supplied text (names, URLs) only ever reaches the DOM as text nodes or attribute values.

import { t } from "./i18n.js";

const byId = (id) => document.getElementById(id);

/** Creates an element; string children become text nodes (Element.append), never parsed HTML. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key, value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const icon = (name) => h("span", { class: `icon icon--${name}`, "aria-hidden": "true" });
const button = (id, label, click, variant = "primary") => h("button", { id, type: "button", class: `button button--${variant}`, click }, label);
const actions = (...buttons) => h("div", { class: "actions" }, ...buttons);
const note = (text, props = {}) => h("p", { class: "note", ...props }, text);
const retry = (on) => actions(button("retry", t("action.retry"), on.retry));

/** Han names show their last two characters (as Feishu does), other names the first letters of two words. */
export function initialsOf({ name = "", enName = "" } = {}) {
  const han = String(name).match(/\p{Script=Han}/gu);
  if (han) return han.slice(-2).join("");
  const words = (source) => String(source).match(/[\p{L}\p{N}]+/gu) ?? [];
  const chosen = words(enName).length ? words(enName) : words(name);
  return chosen.slice(0, 2).map((word) => Array.from(word)[0].toUpperCase()).join("") || "?";
}

const safeImageUrl = (url) => (typeof url === "string" && /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : null);

function avatar(user) {
  const name = user.name || user.enName || "";
  const initials = h("span", { id: "profile-initials", class: "avatar avatar--initials", role: "img", "aria-label": name, hidden: true }, initialsOf(user));
  const image = h("img", { id: "profile-avatar", class: "avatar", alt: t("profile.avatarAlt", { name }), width: 96, height: 96, referrerpolicy: "no-referrer", decoding: "async" });
  const showInitials = () => { image.hidden = true; initials.hidden = false; };
  image.addEventListener("error", showInitials, { once: true });
  const url = safeImageUrl(user.avatarUrl);
  if (url) image.src = url;
  else showInitials();
  return h("div", { class: "avatar-frame" }, image, initials);
}

// A JSAPI that needs h5sdk.config (showToast): hidden until the page knows it runs inside the Feishu client.
function jsapiAction(on) {
  return h(
    "section",
    { id: "jsapi-demo", class: "jsapi", hidden: true },
    actions(button("jsapi-toast", t("jsapi.action"), on.jsapiToast, "quiet")),
    note(t("jsapi.hint")),
    h("p", { id: "jsapi-status", class: "note", role: "status", "aria-live": "polite" }),
  );
}

/** Shows the JSAPI action of the profile (the page runs inside the Feishu client). */
export function revealJsapiAction() {
  const section = byId("jsapi-demo");
  if (section) section.hidden = false;
}

/** The JSAPI action's outcome: kind (working, done, retry, config, unavailable, error) and its sentence. */
export function showJsapiStatus(kind, text) {
  const status = byId("jsapi-status");
  if (!status) return;
  status.dataset.kind = kind;
  status.textContent = text;
}

const STATES = {
  loading: ({ step = "me" }) => ({
    visual: h("span", { class: "spinner", "aria-hidden": "true" }),
    title: t("loading.title"),
    message: t(`loading.${step}`),
  }),

  profile: ({ user }, on) => ({
    visual: avatar(user),
    title: [
      h("span", { id: "profile-name", class: "profile-name" }, user.name || ""),
      h("span", { id: "profile-en-name", class: "profile-en-name", lang: "en", hidden: !user.enName }, user.enName || ""),
    ],
    documentTitle: t("profile.title"),
    message: t("profile.message"),
    body: [
      h("section", { id: "tasks", class: "tasks", "aria-labelledby": "tasks-title", "aria-live": "polite" }),
      actions(button("logout", t("action.logout"), on.logout), button("logout-everywhere", t("action.logoutEverywhere"), on.logoutEverywhere, "quiet")),
      jsapiAction(on),
    ],
  }),

  browser: ({ loginHref }) => ({
    visual: icon("login"),
    title: t("browser.title"),
    message: t("browser.message"),
    // Navigation, so a link styled as a button: it works even if this page's script later fails.
    body: [actions(h("a", { id: "login-button", class: "button button--primary", href: loginHref }, t("action.login"))), note(t("browser.hint"), { id: "feishu-hint" })],
  }),

  refused: ({ reason, requestId }, on) => ({
    visual: icon("hand"),
    title: t("refused.title"),
    message: t(reason === "code" ? "refused.code" : "refused.access"),
    body: [retry(on), reference(requestId)],
  }),

  "config-error": ({ errno, pageUrl }, on) => ({
    visual: icon("wrench"),
    title: t("config-error.title"),
    message: t("config-error.message", { errno }),
    body: [note(t("config-error.fix")), h("p", { class: "fix" }, h("code", { id: "config-url" }, pageUrl)), retry(on)],
  }),

  "not-visible": (data, on) => ({
    visual: icon("lock"),
    title: t("not-visible.title"),
    message: t("not-visible.message"),
    body: [retry(on)],
  }),

  unavailable: ({ retryAfter, requestId }, on) => ({
    visual: icon("cloud"),
    title: t("unavailable.title"),
    message: `${t("unavailable.message")} ${retryAfter ? t("unavailable.wait", { seconds: retryAfter }) : t("unavailable.soon")}`,
    body: [retry(on), reference(requestId)],
  }),

  "logged-out": ({ everywhere }, on) => ({
    visual: icon("door"),
    title: t("logged-out.title"),
    message: t(everywhere ? "logged-out.everywhere" : "logged-out.message"),
    body: [actions(button("login-again", t("action.loginAgain"), on.loginAgain))],
  }),

  error: ({ text, requestId }, on) => ({
    visual: icon("alert"),
    title: t("error.title"),
    message: text || t("error.generic"),
    body: [retry(on), reference(requestId)],
  }),
};

// A request id lets the operator find the matching server log line (the server logs it, never the user's data).
function reference(requestId) {
  return requestId ? note(t("error.reference", { id: requestId }), { id: "request-id" }) : null;
}

export const STATE_NAMES = Object.keys(STATES);

/** Shows one state. on = the handlers the state's buttons call (retry, logout, logoutEverywhere, loginAgain). */
export function render(state, data = {}, on = {}) {
  const view = STATES[state](data, on);
  const title = byId("title");
  const app = byId("app");
  const focusWasInside = app.contains(document.activeElement);
  app.dataset.state = state;
  byId("visual").replaceChildren(view.visual);
  title.replaceChildren(...[].concat(view.title));
  byId("message").textContent = view.message;
  byId("body").replaceChildren(...(view.body ?? []).filter(Boolean));
  document.title = `${view.documentTitle ?? view.title} · ${t("appName")}`;
  // The button that was pressed is gone now: keep focus in the card, on the new heading, rather than lose it
  // to <body>. Automatic transitions (the first load) never steal focus.
  if (focusWasInside) title.focus();
}
