package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.JSSDK_TICKET;
import static dev.miandeng.adapter.feishu.FeishuStub.TENANT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.PageUrl;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JssdkSignerTest {

  @Test
  @DisplayName(
      "the signature is sha1 of jsapi_ticket, noncestr, timestamp and url, fragment dropped")
  void knownSignature() {
    // Computed independently: sha1 of the canonical string with Feishu's sample ticket.
    String expected = "9c37b32cf784796398d898db5ba124eee89113d8";

    assertThat(
            JssdkSignature.sign(
                "0560604568baf296731aa37f0c8ebe3e049c19d7",
                "Y7a8KkqX041bsSwT",
                1510045655000L,
                "https://open.feishu.cn/document/#section"))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName(
      "REL-05 the ticket and tenant token are fetched once and kept while 30 minutes remain")
  void ticketIsCached() {
    MutableClock clock = new MutableClock();
    try (FeishuStub stub = new FeishuStub()) {
      stub.everythingWorks();
      JssdkSigner signer =
          JssdkSigner.create(stub.settings(ExchangeFlavour.V2), clock, stub.recordingSleeper);

      JsapiConfig first = signer.sign(new PageUrl("https://app.example.test/page"));
      clock.advance(Duration.ofMinutes(60));
      JsapiConfig second = signer.sign(new PageUrl("https://app.example.test/page"));

      assertThat(first.nonceStr()).isNotEqualTo(second.nonceStr());
      assertThat(second.timestamp()).isEqualTo(clock.millis());
      assertThat(second.signature())
          .isEqualTo(
              JssdkSignature.sign(
                  "0560604568baf296731aa37f0c8ebe3e049c19d7",
                  second.nonceStr(),
                  second.timestamp(),
                  "https://app.example.test/page"));
      assertThat(stub.calls(TENANT_TOKEN)).isEqualTo(1);
      assertThat(stub.calls(JSSDK_TICKET)).isEqualTo(1);
      stub.server.verify(
          FeishuStub.pattern(JSSDK_TICKET)
              .withHeader("Authorization", WireMock.equalTo("Bearer t-tenant-1")));
    }
  }
}
