package dev.miandeng.domain.fakes;

import dev.miandeng.domain.contract.IdentityLookupContract;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.VerifiedIdentity;

/** The test double keeps the same contract as the real adapters, or the core's tests would lie. */
class ScriptedIdentityLookupTest extends IdentityLookupContract {

  private final ScriptedIdentityLookup lookup = new ScriptedIdentityLookup();
  private final VerifiedIdentity alice =
      new VerifiedIdentity(People.alice(), People.aliceProfile());

  @Override
  protected IdentityLookup lookup() {
    return lookup;
  }

  @Override
  protected CodeGrant.FromClient freshClientCode() {
    return lookup.issueClientCode(alice);
  }

  @Override
  protected VerifiedIdentity expectedIdentity() {
    return alice;
  }
}
