package dev.miandeng.app.config;

import dev.miandeng.adapter.feishu.ExchangeFlavour;
import dev.miandeng.adapter.feishu.FeishuSettings;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Which identity provider the app talks to ({@code MIANDENG_FEISHU}). */
public sealed interface IdentityConfig {

  List<String> scopes();

  /**
   * The built-in Feishu simulator, started beside the app: the zero-setup default. The Feign
   * adapter still does all the talking, so the demo runs the production code path.
   */
  record Simulator(int port, ExchangeFlavour exchange, List<String> scopes)
      implements IdentityConfig {
    public Simulator {
      Objects.requireNonNull(exchange, "exchange");
      scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "feishu-simulator on "
          + (port == 0 ? "a free port" : "port " + port)
          + ", exchange "
          + exchange;
    }
  }

  /** Real Feishu or Lark (or a private deployment): the page loads the official JSSDK. */
  record Feishu(FeishuSettings settings, URI jssdkUrl) implements IdentityConfig {
    public Feishu {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(jssdkUrl, "jssdkUrl");
    }

    @Override
    public List<String> scopes() {
      return settings.scopes();
    }

    @Override
    public String toString() {
      return "feishu " + settings + ", JSSDK " + jssdkUrl;
    }
  }
}
