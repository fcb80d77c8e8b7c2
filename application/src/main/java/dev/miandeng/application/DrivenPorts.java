package dev.miandeng.application;

import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.jsapi.JsapiConfigSigner;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.task.MyTasks;
import dev.miandeng.domain.token.UserTokenRefresher;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.Users;
import java.util.Objects;

/**
 * The driven ports the use cases call, one adapter each, chosen by the composition root: the
 * identity provider, the three stores, the token vault, the refresh grant, the JSAPI signer and the
 * demo's OpenAPI call made as the user (the user's tasks). (The domain's other driven port, {@code
 * ClientLoginSettingsSource}, is read once by the composition root for the web adapter; no use case
 * calls it.)
 */
public record DrivenPorts(
    IdentityLookup identityLookup,
    Users users,
    Sessions sessions,
    LoginStates loginStates,
    UserTokens userTokens,
    UserTokenRefresher userTokenRefresher,
    JsapiConfigSigner jsapiConfigSigner,
    MyTasks myTasks) {

  public DrivenPorts {
    Objects.requireNonNull(identityLookup, "identityLookup");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(loginStates, "loginStates");
    Objects.requireNonNull(userTokens, "userTokens");
    Objects.requireNonNull(userTokenRefresher, "userTokenRefresher");
    Objects.requireNonNull(jsapiConfigSigner, "jsapiConfigSigner");
    Objects.requireNonNull(myTasks, "myTasks");
  }
}
