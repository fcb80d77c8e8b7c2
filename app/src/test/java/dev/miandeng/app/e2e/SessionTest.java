package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What happens after the login: a reload keeps the session, logout ends it for good. */
class SessionTest {

  @RegisterExtension static final MiandengApp APP = new MiandengApp();
  @RegisterExtension final AppPage page = new AppPage(APP);

  @Test
  @DisplayName("a reload with a live session shows the user without asking for a new code")
  void reloadKeepsTheSession() {
    page.open().waitForProfileOf(APP.firstUser());
    Map<String, Integer> afterLogin = APP.control().counters();
    assertThat(APP.codeExchanges()).isEqualTo(1);

    page.reload().waitForProfileOf(APP.firstUser());

    assertThat(APP.control().counters()).isEqualTo(afterLogin);
  }

  @Test
  @DisplayName("SEC-09: #logout shows 'logged-out' and the old session cookie is dead (401)")
  void logoutEndsTheSession() throws Exception {
    page.open().waitForProfileOf(APP.firstUser());
    String oldCookie =
        page.sessionCookie().orElseThrow(() -> new AssertionError("no session cookie"));
    assertThat(APP.meStatus(oldCookie)).as("GET /api/me before logout").isEqualTo(200);

    page.click("logout").waitForState("logged-out");
    assertThat(page.element("login-again").isDisplayed()).isTrue();

    assertThat(APP.meStatus(oldCookie)).as("GET /api/me with the old cookie").isEqualTo(401);
  }
}
