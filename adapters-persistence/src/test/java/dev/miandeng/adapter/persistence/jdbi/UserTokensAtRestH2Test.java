package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.bob;
import static dev.miandeng.domain.fixtures.People.identity;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What the vault leaves in the database, read back with plain JDBC; and key rotation. */
class UserTokensAtRestH2Test {

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.inMemory();

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String oldKey = key();
  private final String newKey = key();
  private final TokenKeyRing before = TokenKeyRing.parse("old:" + oldKey);
  private final TokenKeyRing during = TokenKeyRing.parse("new:" + newKey + ",old:" + oldKey);
  private final TokenKeyRing after = TokenKeyRing.parse("new:" + newKey);

  private final DatabaseSettings settings = DATABASE.freshDatabase();
  private final JdbiStores stores = DATABASE.open(settings);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureEveryLogLine() {
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  @DisplayName("SEC-23 no column and no log line holds a token in plaintext")
  void noPlaintextAtRest() throws Exception {
    UserId alice = userOf(alice());
    UserGrant grant = secretGrant();
    UserTokens tokens = stores.userTokens(during);

    tokens.save(alice, grant);
    tokens.find(alice);
    tokens.changeExclusively(alice, current -> new GrantChange.Replace(grant));

    List<String> cells = rawCells();
    assertThat(cells).as("the row was read").contains("new", alice.value().toString());
    for (String token : List.of(grant.accessToken(), grant.refreshToken())) {
      String core = token.substring(token.indexOf('-') + 1, token.indexOf('-') + 17);
      assertThat(cells).noneMatch(cell -> cell.contains(core));
      assertThat(logs.list).noneMatch(event -> event.getFormattedMessage().contains(core));
    }
    assertThat(tokens.find(alice)).contains(new StoredGrant(grant, 2));
  }

  @Test
  @DisplayName("SEC-23 key rotation: new writes use the current key, old rows still open")
  void rotation() throws Exception {
    UserId alice = userOf(alice());
    UserId bob = userOf(bob());
    UserGrant alices = secretGrant();
    UserGrant bobs = secretGrant();
    stores.userTokens(before).save(alice, alices);
    UserTokens rotated = stores.userTokens(during);

    rotated.save(bob, bobs);

    assertThat(keyIdOf(alice)).isEqualTo("old");
    assertThat(keyIdOf(bob)).isEqualTo("new");
    assertThat(rotated.find(alice)).contains(new StoredGrant(alices, 1));
    assertThat(rotated.find(bob)).contains(new StoredGrant(bobs, 1));

    // A refresh (or a new login) rewrites the row under the current key.
    rotated.changeExclusively(alice, current -> new GrantChange.Replace(current.grant()));

    assertThat(keyIdOf(alice)).isEqualTo("new");
    UserTokens oldKeyRemoved = stores.userTokens(after);
    assertThat(oldKeyRemoved.find(alice)).contains(new StoredGrant(alices, 2));
    assertThat(oldKeyRemoved.find(bob)).contains(new StoredGrant(bobs, 1));
  }

  @Test
  @DisplayName("SEC-23 a row whose key left the ring reads as no grant, logged once by key id")
  void aRowWhoseKeyIsGoneIsNoGrant() {
    UserId carol = userOf(identity(People.TENANT, "ou_carol"));
    UserId dave = userOf(identity(People.TENANT, "ou_dave"));
    stores.userTokens(before).save(carol, secretGrant());
    stores.userTokens(before).save(dave, secretGrant());
    UserTokens tokens = stores.userTokens(after);

    assertThat(tokens.find(carol)).isEmpty();
    assertThat(tokens.find(dave)).isEmpty();
    assertThat(tokens.changeExclusively(carol, c -> new GrantChange.End())).isEmpty();

    assertThat(warnings())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("'old'").contains("no longer in"));
    tokens.save(carol, secretGrant());
    assertThat(tokens.find(carol)).as("a new login replaces the unreadable row").isPresent();
  }

  @Test
  @DisplayName("SEC-23 a sealed token copied into another user's row does not open there")
  void aTokenMovedToAnotherRowDoesNotOpen() throws Exception {
    UserId alice = userOf(alice());
    UserId bob = userOf(bob());
    UserTokens tokens = stores.userTokens(during);
    tokens.save(alice, secretGrant());
    tokens.save(bob, secretGrant());

    try (Connection c = TestDatabase.connect(settings);
        PreparedStatement copy =
            c.prepareStatement(
                "update user_tokens set access_token = (select access_token from user_tokens"
                    + " where user_id = ?) where user_id = ?")) {
      copy.setObject(1, alice.value());
      copy.setObject(2, bob.value());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }

    assertThat(tokens.find(bob)).isEmpty();
    assertThat(tokens.find(alice)).isPresent();
    assertThat(warnings()).singleElement().satisfies(l -> assertThat(l).contains("integrity"));
  }

  private UserId userOf(Identity identity) {
    return stores.users().recordLogin(identity, profileOf(identity.openId()), T0).id();
  }

  /** A grant with long random tokens, so a match in a column can only be the token itself. */
  private static UserGrant secretGrant() {
    return new UserGrant(
        "u-" + random(64),
        T0.plusSeconds(7200),
        "ur-" + random(64),
        T0.plusSeconds(86_400),
        Set.of("offline_access"));
  }

  private List<String> warnings() {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .filter(e -> e.getLoggerName().equals(JdbiUserTokens.class.getName()))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private List<String> rawCells() throws SQLException {
    List<String> cells = new ArrayList<>();
    try (Connection c = TestDatabase.connect(settings);
        ResultSet rs = c.createStatement().executeQuery("select * from user_tokens")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
      }
    }
    return cells;
  }

  private String keyIdOf(UserId user) throws SQLException {
    try (Connection c = TestDatabase.connect(settings);
        PreparedStatement select =
            c.prepareStatement("select key_id from user_tokens where user_id = ?")) {
      select.setObject(1, user.value());
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static String key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static String random(int hexDigits) {
    byte[] bytes = new byte[hexDigits / 2];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
