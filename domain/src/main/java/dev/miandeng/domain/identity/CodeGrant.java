package dev.miandeng.domain.identity;

import java.util.Objects;

/** An authorization code together with how it was obtained, which decides how it is exchanged. */
public sealed interface CodeGrant {

  AuthorizationCode code();

  /** A code from the client's JSAPI ({@code tt.requestAccess} / {@code tt.requestAuthCode}). */
  record FromClient(AuthorizationCode code) implements CodeGrant {
    public FromClient {
      Objects.requireNonNull(code, "code");
    }
  }

  /** A code from the browser authorize redirect, bound to the PKCE verifier of that login. */
  record FromBrowser(AuthorizationCode code, PkceVerifier verifier) implements CodeGrant {
    public FromBrowser {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(verifier, "verifier");
    }
  }
}
