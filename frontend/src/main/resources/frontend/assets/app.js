// Entry point: set the page language, then show the failure the server reported in the page, if any, or run the
// login flow once.
import { applyDocumentLanguage } from "./i18n.js";
import { reportedFailure, showReported, start } from "./flow.js";

applyDocumentLanguage();
const { dataset } = document.getElementById("app");
const failure = reportedFailure(dataset);
if (failure) showReported(failure, dataset);
else start();
