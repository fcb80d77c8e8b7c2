package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.PkceVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The browser authorize URL of facts page section 3.5, with PKCE S256 (SEC-18). */
final class AuthorizeUrl {

  private static final String PATH = "/open-apis/authen/v1/authorize";

  private AuthorizeUrl() {}

  static URI of(FeishuSettings settings, String state, PkceVerifier verifier) {
    return of(settings, state, verifier, Set.of());
  }

  /**
   * With {@code extraScopes} after the configured ones, each once (incremental consent: Feishu
   * shows the user what the app asks for beyond what it has, facts page section 3.5).
   */
  static URI of(
      FeishuSettings settings, String state, PkceVerifier verifier, Set<String> extraScopes) {
    Objects.requireNonNull(verifier, "verifier");
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("state must not be blank");
    }
    StringBuilder url =
        new StringBuilder(settings.accountsBaseUrl().toString())
            .append(PATH)
            .append("?client_id=")
            .append(encode(settings.appId()))
            .append("&response_type=code")
            .append("&redirect_uri=")
            .append(encode(settings.redirectUri()));
    Set<String> scopes = new LinkedHashSet<>(settings.scopes());
    scopes.addAll(new TreeSet<>(extraScopes));
    if (!scopes.isEmpty()) {
      url.append("&scope=").append(encode(String.join(" ", scopes)));
    }
    url.append("&state=")
        .append(encode(state))
        .append("&code_challenge=")
        .append(verifier.s256Challenge())
        .append("&code_challenge_method=S256");
    return URI.create(url.toString());
  }

  /** Form encoding turns spaces into '+'; a query parameter wants %20. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
