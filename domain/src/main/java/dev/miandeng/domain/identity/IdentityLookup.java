package dev.miandeng.domain.identity;

import java.net.URI;
import java.util.Set;

/**
 * Driven port: turns a one-time code into a verified identity, and says where a browser goes to
 * obtain such a code. Implementations talk to an identity provider (Feishu's auth center in
 * production, a simulator in tests); the core never learns which.
 */
public interface IdentityLookup {

  /**
   * Exchanges the code (exactly once: a code is single use) and returns who it belongs to.
   *
   * @throws CodeRefusedException the code is unknown, used or expired: ask for a fresh one
   * @throws UserNotAllowedException the person may not use this app
   * @throws AuthCenterUnavailableException the provider cannot be reached or is overloaded
   * @throws AuthCenterMisconfiguredException the app's own credentials or settings are wrong
   */
  VerifiedIdentity identify(CodeGrant grant);

  /**
   * The URL of the provider's authorize page for a browser login.
   *
   * @param state the one-time state that the callback must bring back
   * @param verifier the PKCE verifier whose S256 challenge goes into the URL
   */
  default URI authorizeUrl(String state, PkceVerifier verifier) {
    return authorizeUrl(state, verifier, Set.of());
  }

  /**
   * As {@link #authorizeUrl(String, PkceVerifier)}, asking for {@code extraScopes} besides the
   * configured ones (incremental consent: a scope an OpenAPI call made as the user needs).
   *
   * @param extraScopes OAuth scopes, each one word; may be empty
   */
  URI authorizeUrl(String state, PkceVerifier verifier, Set<String> extraScopes);
}
