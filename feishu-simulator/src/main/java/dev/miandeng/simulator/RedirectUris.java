package dev.miandeng.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The redirect URLs the simulated app has registered (developer console, security settings,
 * redirect URLs), and how to redirect to one.
 *
 * <p>Rule (obtain-oauth-code: "只有在重定向 URL 列表中的 URL 才会通过开放平台的安全校验"; query and fragment ignored when
 * matching, brief section 3.5): the redirect_uri, without its query and fragment, must equal a
 * registered URL character for character: no prefix, no other path, port or scheme. No URL
 * registered means every redirect_uri is refused (20029 FAQ: "应用未配置重定向 URL").
 */
final class RedirectUris {
  private final List<String> registered;

  RedirectUris(List<String> registered) {
    this.registered = List.copyOf(registered);
  }

  /** True for an absolute http(s) URI whose query- and fragment-less form is registered. */
  boolean isRegistered(String redirectUri) {
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
    return registered.contains(redirectUri.split("[?#]", 2)[0]);
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
