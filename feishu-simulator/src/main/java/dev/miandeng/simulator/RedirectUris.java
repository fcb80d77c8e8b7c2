package dev.miandeng.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Which redirect_uri values the simulated app has registered, and how to redirect to one. */
final class RedirectUris {
  private final List<String> allowedPrefixes;

  RedirectUris(List<String> allowedPrefixes) {
    this.allowedPrefixes = List.copyOf(allowedPrefixes);
  }

  /**
   * True for an absolute http(s) URI that starts with a registered prefix (any, when none is
   * registered). Query and fragment are ignored when matching, as Feishu does (brief §3.5).
   */
  boolean isAllowed(String redirectUri) {
    if (redirectUri == null) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(redirectUri);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      return false;
    }
    String withoutQuery = redirectUri.split("[?#]", 2)[0];
    return allowedPrefixes.isEmpty() || allowedPrefixes.stream().anyMatch(withoutQuery::startsWith);
  }

  /** {@code redirectUri} with the given parameters added to its query (null values skipped). */
  static String withParameters(String redirectUri, Map<String, String> parameters) {
    String[] parts = redirectUri.split("#", 2);
    StringBuilder url = new StringBuilder(parts[0]);
    char separator = parts[0].contains("?") ? '&' : '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      url.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }
}
