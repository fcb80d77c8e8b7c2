package dev.miandeng.application;

import dev.miandeng.adapter.persistence.memory.InMemoryLoginStates;
import dev.miandeng.adapter.persistence.memory.InMemorySessions;
import dev.miandeng.adapter.persistence.memory.InMemoryUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUsers;
import dev.miandeng.domain.fakes.KnownTicketSigner;
import dev.miandeng.domain.fakes.RotatingRefresher;
import dev.miandeng.domain.fakes.ScriptedIdentityLookup;
import dev.miandeng.domain.fakes.ScriptedMyTasks;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.Sessions;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The whole core wired as the composition root wires it ({@link UseCases#wire}), over the in-memory
 * stores and a scripted identity provider, with a clock the test moves. One instance per test.
 */
final class Core {

  static final Duration LOGIN_TTL = Duration.ofMinutes(10);

  final MutableClock clock = new MutableClock();
  final ScriptedIdentityLookup provider = new ScriptedIdentityLookup();
  final InMemoryUsers users = new InMemoryUsers();
  final InMemorySessions sessions = new InMemorySessions();
  final InMemoryLoginStates loginStates = new InMemoryLoginStates();
  final InMemoryUserTokens userTokens = new InMemoryUserTokens();
  final RotatingRefresher refresher = new RotatingRefresher(clock, Duration.ZERO);
  final KnownTicketSigner jsapiSigner = new KnownTicketSigner("cli_core", "ticket-core", clock);
  final ScriptedMyTasks myTasks = new ScriptedMyTasks();
  final UseCases useCases;

  Core() {
    this(TenantAllowList.ANY);
  }

  Core(TenantAllowList tenants) {
    useCases = wiredOver(sessions, tenants);
  }

  /**
   * The core as another instance, or this one after a restart, wires it: the same provider, users,
   * pending logins and clock, over these sessions and with these tenants.
   */
  UseCases wiredOver(Sessions sessions, TenantAllowList tenants) {
    return UseCases.wire(
        new DrivenPorts(
            provider, users, sessions, loginStates, userTokens, refresher, jsapiSigner, myTasks),
        new CoreSettings(tenants, SessionPolicy.DEFAULT, LOGIN_TTL),
        clock,
        new SecureRandom());
  }
}
