package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.simulator.ClientMode;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatedUser;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The demo of an OpenAPI call made as the user, end to end: after the login-free login the "My
 * tasks" card finds the task scope missing, asks the user for only that (and offline_access), and
 * after consent shows the user's tasks from the simulator's task v2 endpoint; a refusal shows a
 * clear screen on the card while the rest of the profile keeps working.
 */
class MyTasksJourneyTest {

  @RegisterExtension static final MiandengApp APP = new MiandengApp();
  @RegisterExtension final AppPage page = new AppPage(APP);

  private void waitForTasks(String state) {
    page.until(
        d -> state.equals(d.findElement(By.id("tasks")).getDomAttribute("data-tasks-state")),
        "#tasks[data-tasks-state=" + state + "]");
  }

  private List<String> taskSummaries() {
    return page.driver().findElements(By.cssSelector("#tasks-list .task-summary")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Logged in inside the client as {@code user}; the card asks for consent; #tasks-grant opens the
   * sheet. Each test has its own user: the app's vault outlives a test, the simulator's tokens not.
   */
  private void loggedInAndConsentSheetOpen(SimulatedUser user) {
    APP.control().client(ClientMode.NORMAL, user.openId());
    page.open().waitForProfileOf(user);
    waitForTasks("consent");
    assertThat(page.text("tasks-scopes")).isEqualTo("offline_access task:task:read");
    assertThat(APP.control().count(SimulatedEndpoint.TASKS))
        .as("no grant was kept at login (no offline_access): the card asks before any call")
        .isZero();

    page.click("tasks-grant");
    page.until(
        ExpectedConditions.visibilityOfElementLocated(By.id("sim-consent")),
        "the client's consent sheet");
    assertThat(page.text("sim-consent-scopes"))
        .as("the sheet asks for the missing scopes only")
        .isEqualTo("offline_accesstask:task:read");
  }

  @Test
  @DisplayName(
      "log in, the card asks for the missing task scope, the user allows it on the client's"
          + " sheet, the tasks show")
  void consentThenTheTasksShow() {
    loggedInAndConsentSheetOpen(APP.firstUser());

    page.click("sim-consent-allow");

    waitForTasks("list");
    assertThat(taskSummaries()).containsExactly("写年中总结", "Review the login-free flow", "预订会议室");
    assertThat(page.driver().findElements(By.cssSelector("#tasks-list .task--done"))).hasSize(1);
    assertThat(page.text("profile-name")).isEqualTo(APP.firstUser().name());
    assertThat(APP.codeExchanges()).as("the login and the consent").isEqualTo(2);
    assertThat(APP.control().count(SimulatedEndpoint.TASKS)).as("one call, after consent").isOne();

    // The grant is kept: a reload reads the tasks again without asking.
    page.reload().waitForProfileOf(APP.firstUser());
    waitForTasks("list");
    assertThat(taskSummaries()).hasSize(3);
    assertThat(APP.codeExchanges()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "the user refuses the sheet: a clear screen on the card, the profile and log out still"
          + " work, and asking again is possible")
  void refusalShowsAClearScreenAndTheRestWorks() {
    SimulatedUser eve = APP.user("Eve", u -> u.openId().equals("ou_sim_eve"));
    loggedInAndConsentSheetOpen(eve);

    page.click("sim-consent-refuse");

    waitForTasks("refused");
    assertThat(page.text("tasks-message")).contains("did not allow this app to read your tasks");
    assertThat(page.element("tasks-retry").isDisplayed()).isTrue();
    assertThat(page.text("profile-name")).isEqualTo(eve.name());
    assertThat(APP.codeExchanges()).as("no code after a refusal").isEqualTo(1);
    assertThat(APP.control().count(SimulatedEndpoint.TASKS)).isZero();

    // A client that refuses extra scopes outright: asking again ends on the same screen.
    APP.control().clientMode(ClientMode.REFUSE_SCOPES);
    page.click("tasks-retry");
    waitForTasks("refused");

    page.click("logout").waitForState("logged-out");
  }

  @Test
  @DisplayName(
      "in a browser: the card sends the user to the authorize page with the missing scopes only;"
          + " declining keeps the user signed in with the refusal on the card; allowing shows a"
          + " user without tasks the empty state")
  void browserConsentThenEmptyState() {
    APP.control().clientMode(ClientMode.BROWSER);
    SimulatedUser alice = APP.user("Alice", u -> u.openId().equals("ou_sim_alice"));
    By aliceChoice = By.cssSelector("[data-open-id='" + alice.openId() + "']");
    page.open().waitForState("browser").click("login-button");
    page.until(ExpectedConditions.elementToBeClickable(aliceChoice), "the authorize page");
    page.driver().findElement(aliceChoice).click();
    page.click("allow").waitForProfileOf(alice);
    waitForTasks("consent");

    // Declined at Feishu: still signed in, the card says so.
    page.click("tasks-grant");
    page.until(ExpectedConditions.elementToBeClickable(aliceChoice), "the authorize page again");
    page.click("deny").waitForProfileOf(alice);
    waitForTasks("refused");
    assertThat(page.currentUrl()).isEqualTo(APP.url().resolve("/").toString());

    page.click("tasks-retry");
    waitForTasks("consent");
    page.click("tasks-grant");
    page.until(ExpectedConditions.elementToBeClickable(aliceChoice), "the authorize page again");
    assertThat(page.currentUrl()).contains("scope=offline_access%20task%3Atask%3Aread");
    assertThat(page.text("scopes")).isEqualTo("offline_accesstask:task:read");
    page.driver().findElement(aliceChoice).click();
    page.click("allow").waitForProfileOf(alice);

    waitForTasks("empty");
    assertThat(page.text("tasks-message")).isEqualTo("You have no tasks in Feishu.");
  }
}
