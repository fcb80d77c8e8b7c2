package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Client authentication at the v3 token endpoint (brief §3.3a): {@code client_secret}, or an RFC
 * 7523 client assertion ({@code client_assertion_type} {@value #JWT_BEARER} and {@code
 * client_assertion}). The simulator accepts the one assertion its settings name (it does not verify
 * signatures) and refuses any other as {@code invalid_client} (RFC 6749 section 5.2, code 20002 as
 * v2's wrong secret). Both methods at once are refused as v2 refuses two methods (20070).
 */
final class V3ClientAuthentication {
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final AppCredentials app;
  private final String acceptedAssertion;

  V3ClientAuthentication(AppCredentials app, String acceptedAssertion) {
    this.app = app;
    this.acceptedAssertion = acceptedAssertion;
  }

  /** Null when the client is authenticated, else the refusal. */
  CodeExchange.Refused refusal(ObjectNode body) {
    String secret = Json.text(body, "client_secret");
    String assertion = Json.text(body, "client_assertion");
    String assertionType = Json.text(body, "client_assertion_type");
    if (assertion == null && assertionType == null) {
      return app.secretMatches(secret)
          ? null
          : new CodeExchange.Refused(ErrorCatalog.BAD_CLIENT_SECRET, null);
    }
    if (secret != null) {
      return new CodeExchange.Refused(ErrorCatalog.TWO_CLIENT_AUTH_METHODS, null);
    }
    if (!JWT_BEARER.equals(assertionType)) {
      return new CodeExchange.Refused(
          ErrorCatalog.INVALID_REQUEST, "client_assertion_type must be " + JWT_BEARER);
    }
    if (!matches(assertion)) {
      return new CodeExchange.Refused(
          ErrorCatalog.BAD_CLIENT_SECRET, "client_assertion is invalid");
    }
    return null;
  }

  private boolean matches(String assertion) {
    return assertion != null
        && !acceptedAssertion.isEmpty()
        && MessageDigest.isEqual(
            acceptedAssertion.getBytes(StandardCharsets.UTF_8),
            assertion.getBytes(StandardCharsets.UTF_8));
  }
}
