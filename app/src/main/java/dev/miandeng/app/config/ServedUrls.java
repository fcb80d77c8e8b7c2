package dev.miandeng.app.config;

import dev.miandeng.adapter.web.WebServer;
import dev.miandeng.adapter.web.WebSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The addresses this app serves on its public origin, and the rules a configured address must
 * follow to reach them. Start-up ({@link AppConfigReader}) and the setup doctor both use these, so
 * a value the doctor accepts is a value the app starts with.
 *
 * <ul>
 *   <li>{@code MIANDENG_PUBLIC_BASE_URL} is an origin ({@code scheme://host[:port]}, an optional
 *       trailing {@code /}): the web adapter derives Origin checks and redirects from it and serves
 *       the page at its root.
 *   <li>{@code FEISHU_REDIRECT_URI} is that origin plus {@link WebServer#CALLBACK_PATH}: Feishu
 *       sends the browser back to it with {@code code} and {@code state} (Feishu, "获取授权码"
 *       authentication-management/access-token/obtain-oauth-code); any other path ends every
 *       browser login in a 404, any other origin loses the state cookie. A query is allowed (RFC
 *       6749 §3.1.2; Feishu ignores it when matching), a fragment is not (RFC 6749 §3.1.2).
 * </ul>
 */
public final class ServedUrls {

  static final String PUBLIC_BASE_URL = "MIANDENG_PUBLIC_BASE_URL";
  static final String REDIRECT_URI = "FEISHU_REDIRECT_URI";

  private ServedUrls() {}

  /** The page users open (and the page that calls the JSAPI): the origin's root. */
  public static URI page(URI publicOrigin) {
    return URI.create(origin(publicOrigin) + "/");
  }

  /** The browser-login callback the web adapter serves: the default redirect URI. */
  public static URI callback(URI publicOrigin) {
    return URI.create(origin(publicOrigin) + WebServer.CALLBACK_PATH);
  }

  /**
   * {@code scheme://host[:port]} in lower case, the port only when it is not the scheme's default:
   * the form browsers send in the Origin header and Feishu's H5 trusted domain takes.
   */
  public static String origin(URI url) {
    return WebSettings.originOf(url);
  }

  /**
   * Checks {@code MIANDENG_PUBLIC_BASE_URL}.
   *
   * @throws ConfigurationException naming the variable when it is not an http(s) origin
   */
  static URI requireOrigin(URI url) {
    try {
      WebSettings.requirePublicOrigin(url);
      return url;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          PUBLIC_BASE_URL
              + " must be an origin such as https://app.example.com (no path, query or user):"
              + " the app serves its page at the root, got '"
              + url
              + "'");
    }
  }

  /**
   * Checks {@code FEISHU_REDIRECT_URI} against the public origin.
   *
   * @param publicOrigin the checked {@code MIANDENG_PUBLIC_BASE_URL}
   * @param redirectUri the configured value, sent to Feishu byte-identical when accepted
   * @return the redirect URI, unchanged
   * @throws ConfigurationException naming both variables and the one accepted value otherwise
   */
  static String requireServedCallback(URI publicOrigin, String redirectUri) {
    URI expected = callback(publicOrigin);
    URI uri;
    try {
      uri = new URI(redirectUri);
    } catch (URISyntaxException e) {
      throw notServed(expected, redirectUri, "it is not a URL");
    }
    if (!uri.isAbsolute() || uri.getHost() == null || !isHttp(uri)) {
      throw notServed(expected, redirectUri, "it is not an absolute http(s) URL");
    }
    if (!origin(uri).equals(origin(publicOrigin))) {
      throw notServed(
          expected,
          redirectUri,
          "its origin is not "
              + PUBLIC_BASE_URL
              + " ("
              + origin(publicOrigin)
              + "), so the browser would come back without its login cookie");
    }
    if (!WebServer.CALLBACK_PATH.equals(uri.getRawPath())) {
      throw notServed(
          expected,
          redirectUri,
          "this app serves no page at '"
              + uri.getRawPath()
              + "', so every browser login would end in 404 Not Found");
    }
    if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw notServed(expected, redirectUri, "a redirect URI has no fragment or user part");
    }
    return redirectUri;
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  private static ConfigurationException notServed(URI expected, String got, String why) {
    return new ConfigurationException(
        REDIRECT_URI
            + " must be "
            + expected
            + " (the callback this app serves on "
            + PUBLIC_BASE_URL
            + "), or be left unset to default to it; got '"
            + got
            + "': "
            + why);
  }
}
