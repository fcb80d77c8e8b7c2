package dev.miandeng.domain.jsapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The address of the page that calls {@code h5sdk.config}, exactly as the page sees it ({@code
 * location.href}) without its fragment: Feishu signs and checks the URL "including {@code
 * http(s)://} and the query after {@code ?}, but not the part after {@code #}" (Feishu's
 * h5sdk.config error table, 333441), so the text is kept byte for byte and never normalised.
 *
 * @param value an absolute http(s) URL with a host, no user part and no fragment, at most {@link
 *     #MAX_LENGTH} characters
 */
public record PageUrl(String value) {

  /**
   * Longer than any page URL a browser keeps in practice; bounds what a request may make us hash.
   */
  public static final int MAX_LENGTH = 2048;

  public PageUrl {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a page URL has 1 to " + MAX_LENGTH + " characters");
    }
    URI uri = parseUri(value);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null
        || value.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "a page URL is an absolute http(s) URL with a host, no user part and no fragment");
    }
  }

  /**
   * The page URL of {@code href}, its fragment (from the first {@code #}) dropped, as the page's
   * {@code location.href.split('#')[0]} does.
   *
   * @throws IllegalArgumentException when what remains is not a valid page URL
   */
  public static PageUrl withoutFragment(String href) {
    Objects.requireNonNull(href, "href");
    int hash = href.indexOf('#');
    return new PageUrl(hash < 0 ? href : href.substring(0, hash));
  }

  /** The URL parsed; it always parses (checked when this value was made). */
  public URI uri() {
    return parseUri(value);
  }

  private static URI parseUri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("a page URL must be a valid URI (RFC 3986)", e);
    }
  }
}
