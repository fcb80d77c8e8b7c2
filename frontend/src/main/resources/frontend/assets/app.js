// Entry point: set the page language, then run the login flow once.
import { applyDocumentLanguage } from "./i18n.js";
import { start } from "./flow.js";

applyDocumentLanguage();
start();
