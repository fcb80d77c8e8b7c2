package dev.miandeng.domain.fakes;

import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An identity provider the test scripts: it issues single-use codes for chosen people and can be
 * told to fail. The core's unit tests use it; it passes {@code IdentityLookupContract} itself, so
 * it behaves as the real adapters do.
 */
public final class ScriptedIdentityLookup implements IdentityLookup {

  private final Map<AuthorizationCode, VerifiedIdentity> codes = new ConcurrentHashMap<>();
  private final Map<AuthorizationCode, PkceVerifier> verifiers = new ConcurrentHashMap<>();
  private final AtomicReference<IdentityLookupException> failure = new AtomicReference<>();
  private final AtomicInteger exchanges = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();

  /** A fresh single-use client code for this person. */
  public CodeGrant.FromClient issueClientCode(VerifiedIdentity person) {
    AuthorizationCode code = new AuthorizationCode("client-code-" + issued.incrementAndGet());
    codes.put(code, person);
    return new CodeGrant.FromClient(code);
  }

  /** A fresh browser code for this person, valid only with the verifier its login started with. */
  public AuthorizationCode issueBrowserCode(VerifiedIdentity person, PkceVerifier verifier) {
    AuthorizationCode code = new AuthorizationCode("browser-code-" + issued.incrementAndGet());
    codes.put(code, person);
    verifiers.put(code, verifier);
    return code;
  }

  /** Every exchange from now on throws this, until {@link #recover()}. */
  public void failWith(IdentityLookupException exception) {
    failure.set(exception);
  }

  public void recover() {
    failure.set(null);
  }

  /** How many code exchanges reached the "provider". */
  public int exchanges() {
    return exchanges.get();
  }

  @Override
  public VerifiedIdentity identify(CodeGrant grant) {
    exchanges.incrementAndGet();
    IdentityLookupException failing = failure.get();
    if (failing != null) {
      throw failing;
    }
    VerifiedIdentity person = codes.remove(grant.code());
    Optional<PkceVerifier> expected = Optional.ofNullable(verifiers.remove(grant.code()));
    boolean pkceMatches =
        switch (grant) {
          case CodeGrant.FromClient c -> expected.isEmpty();
          case CodeGrant.FromBrowser b -> expected.equals(Optional.of(b.verifier()));
        };
    if (person == null || !pkceMatches) {
      throw new CodeRefusedException("code not found, used, or not bound to this verifier");
    }
    return person;
  }

  @Override
  public URI authorizeUrl(String state, PkceVerifier verifier, java.util.Set<String> extraScopes) {
    return URI.create(
        "https://idp.example.test/authorize?state="
            + state
            + "&code_challenge="
            + verifier.s256Challenge()
            + "&code_challenge_method=S256"
            + (extraScopes.isEmpty()
                ? ""
                : "&scope=" + String.join("%20", new java.util.TreeSet<>(extraScopes))));
  }
}
