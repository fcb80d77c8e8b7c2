package dev.miandeng.domain.identity;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the page needs to ask the identity provider's client for a one-time code, and the only
 * addresses outside the app the page may then reach. The identity adapter fills it in from its own
 * settings; the web adapter hands the first three to the page and derives its Content Security
 * Policy from the addresses, so neither knows which provider (or stand-in) is behind them.
 *
 * @param appId the app's id at the provider, passed to the client's JSAPI; 1-128 characters of
 *     {@code [A-Za-z0-9:._-]}
 * @param scopes the scopes the page asks the client for (may be empty), each 1-128 characters of
 *     {@code [A-Za-z0-9:._-]}
 * @param clientScript the script that gives the page the client's JSAPI; an absolute http(s) URL.
 *     The page loads it, and it may call back to its own origin
 * @param avatarOrigins where the provider's profile pictures live, as absolute http(s) URLs of
 *     which only scheme, host and port count; may be empty
 */
public record ClientLoginSettings(
    String appId, List<String> scopes, URI clientScript, Set<URI> avatarOrigins) {

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9:._-]{1,128}");

  public ClientLoginSettings {
    Objects.requireNonNull(appId, "appId");
    if (!WORD.matcher(appId).matches()) {
      throw new IllegalArgumentException("appId must be 1-128 characters of [A-Za-z0-9:._-]");
    }
    scopes = List.copyOf(scopes);
    scopes.forEach(
        scope -> {
          if (!WORD.matcher(scope).matches()) {
            throw new IllegalArgumentException("scope has unexpected characters: " + scope);
          }
        });
    requireHttpUrl(clientScript, "clientScript");
    avatarOrigins = Set.copyOf(avatarOrigins);
    avatarOrigins.forEach(origin -> requireHttpUrl(origin, "avatarOrigins"));
  }

  private static void requireHttpUrl(URI url, String name) {
    Objects.requireNonNull(url, name);
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL, was " + url);
    }
  }
}
