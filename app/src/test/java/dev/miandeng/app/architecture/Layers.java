package dev.miandeng.app.architecture;

import java.util.List;

/**
 * The packages of the hexagon and the frameworks each adapter owns: the single table the
 * architecture rules read. Adding an adapter or a framework is one line here.
 */
final class Layers {

  static final String ROOT = "dev.miandeng";
  static final String DOMAIN = "dev.miandeng.domain..";
  static final String APPLICATION = "dev.miandeng.application..";
  static final String ADAPTERS = "dev.miandeng.adapter..";
  static final String SIMULATOR = "dev.miandeng.simulator..";
  static final String APP = "dev.miandeng.app..";

  /** Every adapter: one per driven or driving technology. */
  static final List<String> ADAPTER_PACKAGES =
      List.of(
          "dev.miandeng.adapter.persistence..",
          "dev.miandeng.adapter.feishu..",
          "dev.miandeng.adapter.web..");

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
              "Jackson",
              List.of("com.fasterxml.jackson.."),
              List.of("dev.miandeng.adapter.feishu..", "dev.miandeng.adapter.web..", SIMULATOR)));

  private Layers() {}
}
