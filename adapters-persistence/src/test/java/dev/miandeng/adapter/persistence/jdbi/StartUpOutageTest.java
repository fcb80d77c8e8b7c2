package dev.miandeng.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.store.StoreUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached when the app starts ends start-up with a reason, not a trace.
 */
class StartUpOutageTest {

  @Test
  @DisplayName(
      "REL-08 an unreachable database at start-up is a StoreUnavailableException carrying the"
          + " driver's reason (the composition root names MIANDENG_DB_URL)")
  void unreachableAtStartUp() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    DatabaseSettings nowhere =
        DatabaseSettings.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/miandeng", "app", "");

    assertThatThrownBy(() -> JdbiStores.open(nowhere))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot be reached at start-up")
        .hasMessageContaining(String.valueOf(closedPort));
  }
}
