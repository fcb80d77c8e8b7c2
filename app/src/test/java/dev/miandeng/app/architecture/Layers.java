package dev.miandeng.app.architecture;

import java.util.List;

/**
 * The packages of the hexagon and the frameworks each adapter owns: the single table the
 * architecture rules read. Adding an adapter (with the framework it owns) or a framework is one
 * line in {@link #FRAMEWORKS}.
 */
final class Layers {

  static final String ROOT = "dev.miandeng";
  static final String DOMAIN = "dev.miandeng.domain..";
  static final String APPLICATION = "dev.miandeng.application..";
  static final String ADAPTERS = "dev.miandeng.adapter..";
  static final String SIMULATOR = "dev.miandeng.simulator..";
  static final String APP = "dev.miandeng.app..";

  /**
   * A framework and the only packages that may touch it (SEC-wide rule 4 of the architecture
   * guide). The simulator stands outside the hexagon and may use the web stack it is built on.
   */
  record Framework(String name, List<String> packages, List<String> owners) {}

  static final List<Framework> FRAMEWORKS =
      List.of(
          new Framework("Feign", List.of("feign.."), List.of("dev.miandeng.adapter.feishu..")),
          new Framework(
              "Javalin/Jetty",
              List.of("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet.."),
              List.of("dev.miandeng.adapter.web..", SIMULATOR)),
          new Framework(
              "Bucket4j", List.of("io.github.bucket4j.."), List.of("dev.miandeng.adapter.web..")),
          new Framework(
              "JDBI/Flyway/Hikari/JDBC drivers",
              List.of(
                  "org.jdbi..",
                  "org.flywaydb..",
                  "com.zaxxer.hikari..",
                  "org.h2..",
                  "org.postgresql.."),
              List.of("dev.miandeng.adapter.persistence..")),
          new Framework(
              "Jedis",
              List.of("redis.clients..", "org.apache.commons.pool2.."),
              List.of("dev.miandeng.adapter.redis..")),
          // Metrics: each adapter counts into the registry the root gives it; the core never does.
          new Framework(
              "Micrometer",
              List.of("io.micrometer..", "io.prometheus.."),
              List.of(
                  "dev.miandeng.adapter.feishu..",
                  "dev.miandeng.adapter.persistence..",
                  "dev.miandeng.adapter.web..",
                  APP)),
          new Framework(
              "Jackson",
              List.of("com.fasterxml.jackson.."),
              List.of("dev.miandeng.adapter.feishu..", "dev.miandeng.adapter.web..", SIMULATOR)));

  /**
   * Every adapter: one per driven or driving technology, read off the table above (each adapter
   * owns the framework it wraps), so adding an adapter is its one line there.
   */
  static final List<String> ADAPTER_PACKAGES =
      FRAMEWORKS.stream()
          .flatMap(f -> f.owners().stream())
          .filter(owner -> owner.startsWith("dev.miandeng.adapter."))
          .distinct()
          .toList();

  private Layers() {}
}
