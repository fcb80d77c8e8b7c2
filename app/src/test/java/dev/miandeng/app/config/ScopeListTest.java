package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FEISHU_SCOPES as Feishu writes scope lists (spaces) or as a comma-separated list. */
class ScopeListTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "contact:user.email:readonly task:task:read",
        "contact:user.email:readonly,task:task:read",
        " contact:user.email:readonly ,  task:task:read ",
        "contact:user.email:readonly\ttask:task:read"
      })
  @DisplayName("FEISHU_SCOPES separated by commas, spaces or both reads as the same scopes")
  void commasOrSpaces(String scopes) {
    AppConfig config = Credentials.read(Map.of("FEISHU_SCOPES", scopes));

    assertThat(config.identity().scopes())
        .containsExactly("contact:user.email:readonly", "task:task:read");
  }
}
