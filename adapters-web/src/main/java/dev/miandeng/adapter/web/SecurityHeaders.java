package dev.miandeng.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every response carries, errors, 404 and static files included (SEC-26), added by an
 * outer Jetty handler before anything else runs, so no code path can forget them. Each header is
 * built and encoded once per server from the settings; a request only picks the ones its path
 * needs.
 */
final class SecurityHeaders extends Handler.Wrapper {

  static final String CSP = "Content-Security-Policy";
  static final String REFERRER_POLICY = "Referrer-Policy";
  static final String CACHE_CONTROL = "Cache-Control";

  /**
   * What every error answer carries, whatever its path: an error is personal or momentary, and a
   * shared cache in front of the app must never hand one error (say a 431 on an asset) to every
   * browser for the asset's max-age.
   */
  static final String NO_STORE = "no-store";

  /** Where the page's assets live: served with a short public max-age. */
  private static final String ASSETS = "/assets/";

  /** What the page, its assets, the login callback and anything else carry, built once. */
  private final HttpField[] page;

  private final HttpField[] asset;

  private final HttpField[] callback;
  private final HttpField[] other;

  SecurityHeaders(WebSettings settings) {
    String contentSecurityPolicy = policy(settings);
    List<HttpField> everywhere = new ArrayList<>();
    everywhere.add(field("X-Content-Type-Options", "nosniff"));
    everywhere.add(field(CSP, contentSecurityPolicy));
    if (!settings.embedMode()) {
      // For browsers that predate frame-ancestors.
      everywhere.add(field("X-Frame-Options", "SAMEORIGIN"));
    }
    if (settings.secureCookies() && settings.publicBaseUrl().getScheme().equals("https")) {
      everywhere.add(field("Strict-Transport-Security", "max-age=31536000"));
    }
    HttpField originReferrer = field(REFERRER_POLICY, "strict-origin-when-cross-origin");
    // API answers, auth redirects, health and error pages are personal or momentary.
    HttpField noStore = field(CACHE_CONTROL, NO_STORE);
    // index.html always revalidates so a deploy reaches every browser at once; asset names carry
    // no hash, so browsers reuse them for a short while only (the ETag makes a reuse cheap after).
    // Decided here, not by the static file handler, so the page and its assets are served by one
    // handler: each classpath handler opens the whole jar as zip file systems (four of them, about
    // 4 MB of heap each).
    this.page = with(everywhere, originReferrer, field(CACHE_CONTROL, "no-cache"));
    this.asset =
        with(
            everywhere,
            originReferrer,
            field(CACHE_CONTROL, "public, max-age=" + WebSettings.ASSETS_MAX_AGE.toSeconds()));
    // The callback URL holds a code and state: never let it leak onwards (SEC-20).
    this.callback = with(everywhere, field(REFERRER_POLICY, "no-referrer"), noStore);
    this.other = with(everywhere, originReferrer, noStore);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable headers = response.getHeaders();
    for (HttpField field : fieldsFor(request)) {
      headers.add(field);
    }
    return super.handle(request, response, callback);
  }

  /**
   * Sets the headers of an error answer that may already carry some of them: its path's, but never
   * stored ({@link #NO_STORE}).
   */
  void putErrorInto(Request request, HttpFields.Mutable headers) {
    for (HttpField field : fieldsFor(request)) {
      headers.put(field);
    }
    headers.put(CACHE_CONTROL, NO_STORE);
  }

  private HttpField[] fieldsFor(Request request) {
    // The raw path, as the routes and the path guard see it.
    String path = request.getHttpURI().getPath();
    if (path == null) {
      return other;
    }
    if (path.equals(WebServer.CALLBACK_PATH)) {
      return callback;
    }
    if (path.startsWith(ASSETS)) {
      return asset;
    }
    return isPage(path) ? page : other;
  }

  private static HttpField field(String name, String value) {
    return new PreEncodedHttpField(name, value);
  }

  private static HttpField[] with(List<HttpField> everywhere, HttpField... more) {
    List<HttpField> all = new ArrayList<>(everywhere);
    all.addAll(List.of(more));
    return all.toArray(HttpField[]::new);
  }

  private static boolean isPage(String path) {
    return path.equals("/") || path.equals("/index.html");
  }

  /**
   * The client script's origin may serve scripts and answer the page's requests (a script may call
   * back to where it came from); the identity provider's avatar origins may serve images. Nothing
   * else outside the app is reachable but https images (avatars live on many CDNs).
   */
  private static String policy(WebSettings settings) {
    String clientScriptOrigin = WebSettings.clientScriptOrigin(settings.client());
    Set<String> frameAncestors = new TreeSet<>(settings.frameAncestors());
    return "default-src 'self'"
        + "; script-src 'self' "
        + clientScriptOrigin
        + "; style-src 'self'"
        + "; img-src 'self' data: https:"
        + join(WebSettings.avatarOrigins(settings.client()))
        + "; connect-src 'self' "
        + clientScriptOrigin
        + "; object-src 'none'"
        + "; base-uri 'none'"
        + "; form-action 'self'"
        + "; frame-ancestors 'self'"
        + join(frameAncestors);
  }

  private static String join(Iterable<String> origins) {
    StringBuilder out = new StringBuilder();
    origins.forEach(origin -> out.append(' ').append(origin));
    return out.toString();
  }
}
