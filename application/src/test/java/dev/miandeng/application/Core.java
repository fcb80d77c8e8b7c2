package dev.miandeng.application;

import dev.miandeng.adapter.persistence.memory.InMemoryLoginStates;
import dev.miandeng.adapter.persistence.memory.InMemorySessions;
import dev.miandeng.adapter.persistence.memory.InMemoryUsers;
import dev.miandeng.application.login.FinishLoginService;
import dev.miandeng.application.login.IssueLoginNonceService;
import dev.miandeng.application.login.StartBrowserLoginService;
import dev.miandeng.application.session.CurrentUserService;
import dev.miandeng.application.session.LogOutEverywhereService;
import dev.miandeng.application.session.LogOutService;
import dev.miandeng.application.session.SweepExpiredService;
import dev.miandeng.domain.fakes.ScriptedIdentityLookup;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.session.SessionPolicy;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The whole core wired as the composition root wires it, over the in-memory stores and a scripted
 * identity provider, with a clock the test moves. One instance per test.
 */
final class Core {

  static final Duration LOGIN_TTL = Duration.ofMinutes(10);

  final MutableClock clock = new MutableClock();
  final SessionPolicy policy = SessionPolicy.DEFAULT;
  final ScriptedIdentityLookup provider = new ScriptedIdentityLookup();
  final InMemoryUsers users = new InMemoryUsers();
  final InMemorySessions sessions = new InMemorySessions();
  final InMemoryLoginStates loginStates = new InMemoryLoginStates();
  final FinishLoginService finishLogin;
  final IssueLoginNonceService issueNonce;
  final StartBrowserLoginService startBrowserLogin;
  final CurrentUserService currentUser;
  final LogOutService logOut;
  final LogOutEverywhereService logOutEverywhere;
  final SweepExpiredService sweep;

  Core() {
    this(TenantAllowList.ANY);
  }

  Core(TenantAllowList tenants) {
    SecureRandom random = new SecureRandom();
    finishLogin =
        new FinishLoginService(
            provider, users, sessions, loginStates, tenants, policy, clock, random);
    issueNonce = new IssueLoginNonceService(loginStates, LOGIN_TTL, clock, random);
    startBrowserLogin =
        new StartBrowserLoginService(provider, loginStates, LOGIN_TTL, clock, random);
    currentUser = new CurrentUserService(sessions, users, tenants, policy, clock);
    logOut = new LogOutService(sessions);
    logOutEverywhere = new LogOutEverywhereService(sessions);
    sweep = new SweepExpiredService(sessions, loginStates, clock);
  }
}
