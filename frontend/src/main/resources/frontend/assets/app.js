// Entry point: set the page language, then show the failure the server reported in the page, if any, or run the
// login flow once.
import { applyDocumentLanguage } from "./i18n.js";
import { reportedFailure, showReported, start } from "./flow.js";
import { consentDeclinedInBrowser } from "./tasks.js";

applyDocumentLanguage();
const { dataset } = document.getElementById("app");
const failure = reportedFailure(dataset);
// Declining the tasks card's consent at Feishu leaves the user signed in: the profile, with the refusal on the card.
if (failure && consentDeclinedInBrowser(failure)) {
  history.replaceState(null, "", "/");
  start();
} else if (failure) showReported(failure, dataset);
else start();
