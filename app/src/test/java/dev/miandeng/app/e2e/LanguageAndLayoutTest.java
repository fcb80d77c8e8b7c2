package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The page in Chinese, and on a phone-sized screen. */
class LanguageAndLayoutTest {

  @RegisterExtension static final MiandengApp APP = new MiandengApp();
  @RegisterExtension final AppPage page = new AppPage(APP);

  @Test
  @DisplayName("a Chinese browser gets <html lang=zh…>, Chinese buttons and the same profile")
  void chinese() {
    page.language("zh-CN").open().waitForProfileOf(APP.firstUser());

    assertThat(page.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
        .startsWith("zh");
    assertThat(page.text("logout")).containsPattern("\\p{IsHan}");
  }

  @Test
  @DisplayName("the profile on a 390x844 phone screen fits its width; kept as profile-phone.png")
  void phoneScreenshot() throws Exception {
    page.phoneScreen(390, 844).open().waitForProfileOf(APP.firstUser());

    assertThat(page.script("return [window.innerWidth, window.innerHeight]"))
        .asList()
        .containsExactly(390L, 844L);
    // Nothing wider than the screen: a phone must not scroll sideways.
    assertThat(page.script("return document.documentElement.scrollWidth")).isEqualTo(390L);
    assertThat(page.element("logout").isDisplayed()).isTrue();

    Path shot = page.screenshot("profile-phone");

    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(390, 844);
  }
}
