package dev.miandeng.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page a browser sees when something it navigated to failed (a refused or failed browser login
 * at /callback, /login while a store is down, a missing page): the app's own page ({@code
 * index.html}: its stylesheet, language choice and states), with the failure written into data
 * attributes of {@code <main id="app">}. The page's script reads them and shows the matching state
 * with the request id and a "try again" action (frontend {@code flow.js}, {@code reportedFailure}).
 *
 * <p>Every value is chosen by the server (a status, a fixed error code, a generated request id, a
 * number of seconds, a fixed path) and is escaped all the same: nothing the request carried is
 * written into the page (SEC-26).
 */
final class FailurePage {

  /** The element the page's script reads; {@code index.html} must contain it verbatim. */
  static final String MARKER = "<main id=\"app\" data-state=\"loading\">";

  private final String before;
  private final String after;

  private FailurePage(String template) {
    int at = template.indexOf(MARKER);
    if (at < 0) {
      throw new IllegalStateException("the page's index.html lacks " + MARKER);
    }
    this.before = template.substring(0, at + MARKER.length() - 1);
    this.after = template.substring(at + MARKER.length() - 1);
  }

  /**
   * The page under {@code staticFilesRoot}, or empty when no page is on the classpath (then
   * failures are answered in JSON, as for the API).
   *
   * @throws IllegalStateException when the page lacks {@link #MARKER}
   */
  static Optional<FailurePage> load(String staticFilesRoot) {
    try (InputStream in = FailurePage.class.getResourceAsStream(staticFilesRoot + "/index.html")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new FailurePage(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param status the HTTP status of the answer
   * @param code the error code of docs/web-api.md ({@code access_denied}, {@code
   *     login_state_invalid}, {@code auth_center_unavailable}, …)
   * @param requestId this request's id, shown so a screenshot leads to the log line
   * @param retryAfterSeconds the Retry-After the answer carries, if any
   * @param retryPath where "try again" goes: a same-origin path chosen by the server
   */
  String render(
      int status,
      String code,
      String requestId,
      Optional<Long> retryAfterSeconds,
      String retryPath) {
    StringBuilder page = new StringBuilder(before.length() + after.length() + 200).append(before);
    attribute(page, "data-status", Integer.toString(status));
    attribute(page, "data-failure", code);
    attribute(page, "data-request-id", requestId);
    retryAfterSeconds.ifPresent(
        seconds -> attribute(page, "data-retry-after", Long.toString(seconds)));
    attribute(page, "data-retry", retryPath);
    return page.append(after).toString();
  }

  private static void attribute(StringBuilder page, String name, String value) {
    page.append(' ').append(name).append("=\"").append(escape(value)).append('"');
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
