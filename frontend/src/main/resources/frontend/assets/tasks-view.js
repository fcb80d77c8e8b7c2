// Renders the "My tasks" card's states into #tasks (data-tasks-state on it). Task titles come from Feishu: they only
// ever reach the DOM as text nodes (h() of view.js), never as HTML.

import { h } from "./view.js";
import { t } from "./i18n.js";
import { formatDue } from "./tasks.js";

const button = (id, label, click, variant = "quiet") => h("button", { id, type: "button", class: `button button--${variant}`, click }, label);
const message = (text) => h("p", { id: "tasks-message", class: "note" }, text);

const STATES = {
  loading: () => [h("span", { class: "spinner spinner--small", "aria-hidden": "true" }), message(t("tasks.loading"))],
  list: ({ tasks }) => [
    h("ul", { id: "tasks-list", class: "tasks-list" }, ...tasks.map((task) => {
      const due = formatDue(task.due);
      return h("li", { class: task.completed ? "task task--done" : "task", "data-task-id": task.id },
        h("span", { class: "task-summary" }, task.summary || t("tasks.untitled")),
        task.completed ? h("span", { class: "task-meta" }, t("tasks.done")) : null,
        due ? h("span", { class: "task-meta" }, t("tasks.due", { date: due })) : null);
    })),
  ],
  empty: () => [message(t("tasks.empty"))],
  consent: ({ scopes, grant }) => [
    message(t("tasks.consent")),
    h("p", { id: "tasks-scopes", class: "note" }, h("code", {}, scopes.join(" "))),
    button("tasks-grant", t("tasks.grant"), grant, "primary"),
  ],
  // A lasting choice of the server, not a failure of this request: no button, since retrying or consenting cannot help.
  "vault-off": () => [message(t("tasks.vaultOff")), h("p", { id: "tasks-hint", class: "note" }, t("tasks.vaultOffHint"))],
  refused: ({ retry }) => [message(t("tasks.refused")), button("tasks-retry", t("tasks.askAgain"), retry)],
  unavailable: ({ retryAfter, retry }) => [
    message(`${t("tasks.unavailable")} ${retryAfter ? t("unavailable.wait", { seconds: retryAfter }) : t("unavailable.soon")}`),
    button("tasks-retry", t("action.retry"), retry),
  ],
  error: ({ reason, errno, requestId, retry }) => [
    message(t(`tasks.error.${reason}`, { errno })),
    requestId ? h("p", { class: "note" }, t("error.reference", { id: requestId })) : null,
    button("tasks-retry", t("action.retry"), retry),
  ],
};

export const TASK_STATES = Object.keys(STATES);

/**
 * Shows one state of the card in `card`; does nothing once that card left the page (another state, or a newer
 * profile, replaced it), so a late answer never lands in the wrong place.
 */
export function renderTasks(state, data = {}, card = document.getElementById("tasks")) {
  if (!card?.isConnected) return;
  card.dataset.tasksState = state;
  card.replaceChildren(h("h2", { id: "tasks-title" }, t("tasks.title")), ...STATES[state](data).filter(Boolean));
}
