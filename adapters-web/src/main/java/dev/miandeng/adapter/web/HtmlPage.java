package dev.miandeng.adapter.web;

/**
 * The few server-rendered pages (callback outcomes, errors on /login). Every piece of text goes
 * through {@link #escape(String)}: nothing the request carried is ever markup.
 */
final class HtmlPage {

  private HtmlPage() {}

  static String render(String title, String message, String linkHref, String linkText) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title></head><body><main><h1>"
        + escape(title)
        + "</h1><p id=\"message\">"
        + escape(message)
        + "</p><p><a id=\"try-again\" href=\""
        + escape(linkHref)
        + "\">"
        + escape(linkText)
        + "</a></p></main></body></html>";
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
