package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import java.time.Clock;
import java.util.Optional;

/**
 * How the app proves itself to the v3 token endpoint (facts page section 3.3a): the RFC 7523 client
 * assertion when one is configured (no secret leaves the process), else the App Secret ({@code
 * client_secret}, RFC 6749 section 2.3.1). Never both: sending two methods is refused (20070 on
 * v2).
 */
final class ClientAuthentication {

  /** The body fields of one request; the ones not used are null and left out of the JSON. */
  record Fields(String clientId, String clientSecret, String assertionType, String assertion) {
    @Override
    public String toString() {
      return "Fields[clientId=" + clientId + ", assertionType=" + assertionType + "]";
    }
  }

  private final String clientId;
  private final String clientSecret;
  private final Optional<ClientAssertionSource> assertions;

  ClientAuthentication(
      String clientId, String clientSecret, Optional<ClientAssertionSource> assertions) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.assertions = assertions;
  }

  /** From the settings: the assertion file when configured, else the secret. */
  static ClientAuthentication of(FeishuSettings settings, Clock clock) {
    return new ClientAuthentication(
        settings.appId(),
        settings.appSecret(),
        settings
            .clientAssertionFile()
            .map(file -> (ClientAssertionSource) new ClientAssertionFile(file, clock)));
  }

  /** The fields for the next request; an assertion is read fresh each time (it rotates). */
  Fields fields() {
    if (assertions.isPresent()) {
      return new Fields(
          clientId, null, FeishuWire.V3TokenRequest.JWT_BEARER, assertions.get().assertion());
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new AuthCenterMisconfiguredException(
          "the v3 token endpoint needs FEISHU_APP_SECRET or FEISHU_CLIENT_ASSERTION_FILE");
    }
    return new Fields(clientId, clientSecret, null, null);
  }
}
