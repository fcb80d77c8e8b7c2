package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.simulator.ClientMode;
import dev.miandeng.simulator.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An ordinary browser outside Feishu: the page offers "Log in with Feishu", which goes through the
 * (simulated) authorize page and back to the app's callback.
 */
class BrowserRedirectLoginTest {

  @RegisterExtension static final MiandengApp APP = new MiandengApp();
  @RegisterExtension final AppPage page = new AppPage(APP);

  @BeforeEach
  void plainBrowser() {
    APP.control().clientMode(ClientMode.BROWSER);
  }

  @Test
  @DisplayName(
      "SEC-18 SEC-19 SEC-20: 'browser' state, #login-button, pick a user and allow: the profile on"
          + " a clean URL")
  void allowLogsInOnACleanUrl() {
    // Not the client's default user, so the profile proves the choice on the authorize page
    // counted.
    SimulatedUser alice = APP.user("Alice", u -> u.openId().equals("ou_sim_alice"));

    page.open().waitForState("browser");
    assertThat(page.element("feishu-hint").getText()).contains("Inside the Feishu app");

    onAuthorizePageAs(alice).click("allow");

    page.until(ExpectedConditions.urlContains(APP.url().toString()), "the way back to the app");
    page.waitForProfileOf(alice);
    assertThat(page.currentUrl()).doesNotContain("code=").doesNotContain("state=");
  }

  @Test
  @DisplayName(
      "SEC-35: denying on the authorize page ends on the app's own styled 'refused' screen with"
          + " the request id and a try-again that starts a new login; no session")
  void denyShowsTheRefusal() throws Exception {
    onAuthorizePageAs(APP.firstUser()).click("deny");

    page.waitForState("refused");
    assertThat(page.currentUrl())
        .as("the callback's query is gone from the address bar")
        .isEqualTo(APP.url().resolve("/callback").toString());
    assertThat(page.text("title")).isEqualTo("Not signed in");
    assertThat(page.text("message"))
        .isEqualTo("You did not allow this app to know who you are, so you are not signed in.");
    assertThat(page.text("request-id")).matches("Reference: [A-Za-z0-9_-]{16}");
    assertThat(page.script("return getComputedStyle(document.querySelector('.card')).maxWidth"))
        .as("the app's stylesheet applies (.card max-width: 26rem)")
        .isEqualTo("416px");
    assertThat(page.sessionCookie()).as("session cookie").isEmpty();
    assertThat(APP.meStatus(page.cookieHeader())).as("GET /api/me").isEqualTo(401);

    page.click("retry");
    page.until(
        ExpectedConditions.urlContains(APP.simulator().baseUrl()),
        "a new login at the simulator's authorize page");
  }

  @Test
  @DisplayName("SEC-35: a Chinese browser sees a refused browser login in Chinese")
  void refusalInChinese() {
    page.language("zh-CN");
    onAuthorizePageAs(APP.firstUser()).click("deny");

    page.waitForState("refused");
    assertThat(page.text("message")).isEqualTo("你没有允许此应用获取你的身份，因此未登录。");
    assertThat(page.text("retry")).isEqualTo("重试");
    assertThat(page.text("request-id")).startsWith("参考编号：");
  }

  /** From the app's page to the simulator's authorize page, with {@code user} picked. */
  private AppPage onAuthorizePageAs(SimulatedUser user) {
    page.open().waitForState("browser");
    assertThat(page.element("feishu-hint").isDisplayed()).as("#feishu-hint shown").isTrue();

    page.click("login-button");
    By choice = By.cssSelector("[data-open-id='" + user.openId() + "']");
    page.until(ExpectedConditions.elementToBeClickable(choice), "the simulator's authorize page");
    // SEC-18 SEC-19: the authorize request carries an S256 challenge and the configured callback.
    assertThat(page.currentUrl())
        .startsWith(APP.simulator().baseUrl())
        .contains("code_challenge_method=S256")
        .contains("code_challenge=")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    APP.url().resolve("/callback").toString(),
                    java.nio.charset.StandardCharsets.UTF_8));
    page.driver().findElement(choice).click();
    return page;
  }
}
