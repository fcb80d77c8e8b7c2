package dev.miandeng.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The people of the simulated tenant: built in, or read from a JSON file (a list of users). */
final class Roster {
  private final List<SimulatedUser> users;

  Roster(List<SimulatedUser> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a roster needs at least one user");
    }
    var openIds = new HashSet<String>();
    for (SimulatedUser user : users) {
      if (!openIds.add(user.openId())) {
        throw new IllegalArgumentException("duplicate openId in roster: " + user.openId());
      }
    }
    this.users = List.copyOf(users);
  }

  /** The roster file named in the settings, or the built-in one. */
  static Roster from(Path rosterFile) {
    return rosterFile == null ? new Roster(BuiltInRoster.users()) : readFile(rosterFile);
  }

  static Roster readFile(Path file) {
    try {
      List<SimulatedUser> users = Json.MAPPER.readValue(file.toFile(), new TypeReference<>() {});
      return new Roster(users == null ? List.of() : users);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new RosterFileException("cannot read roster file " + file + ": " + e.getMessage(), e);
    }
  }

  List<SimulatedUser> users() {
    return users;
  }

  SimulatedUser first() {
    return users.getFirst();
  }

  Optional<SimulatedUser> find(String openId) {
    return users.stream().filter(user -> user.openId().equals(openId)).findFirst();
  }

  SimulatedUser require(String openId) {
    return find(openId).orElseThrow(() -> new UnknownUserException(openId));
  }
}
