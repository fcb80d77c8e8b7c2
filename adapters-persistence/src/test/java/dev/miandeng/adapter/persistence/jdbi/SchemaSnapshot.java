package dev.miandeng.adapter.persistence.jdbi;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application tables as both engines describe them (information_schema and JDBC metadata),
 * normalised to lower case, so H2 and PostgreSQL can be compared line by line (REL-11). Index names
 * are left out: engines name constraint-backed indexes differently; columns and uniqueness are what
 * the queries rely on.
 */
record SchemaSnapshot(
    SortedSet<String> columns, SortedSet<String> constraints, SortedSet<String> indexes) {

  static final List<String> TABLES = List.of("users", "sessions", "login_states");

  static SchemaSnapshot of(Connection c) throws SQLException {
    SortedSet<String> columns =
        rows(
            c,
            "select table_name, column_name, data_type, character_maximum_length, is_nullable"
                + " from information_schema.columns where table_schema = current_schema"
                + " and table_name in ('users', 'sessions', 'login_states')");
    SortedSet<String> constraints =
        rows(
            c,
            "select table_name, constraint_name, constraint_type"
                + " from information_schema.table_constraints where table_schema = current_schema"
                + " and table_name in ('users', 'sessions', 'login_states')"
                + " and constraint_type in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')");
    return new SchemaSnapshot(columns, constraints, indexes(c));
  }

  private static SortedSet<String> rows(Connection c, String sql) throws SQLException {
    SortedSet<String> rows = new TreeSet<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(rs.getObject(i)).toLowerCase(Locale.ROOT));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  /** Each index as {@code table(col, col) unique|non-unique}. */
  private static SortedSet<String> indexes(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    SortedSet<String> indexes = new TreeSet<>();
    for (String table : TABLES) {
      Map<String, TreeMap<Short, String>> byName = new TreeMap<>();
      Map<String, Boolean> unique = new TreeMap<>();
      try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), table, false, false)) {
        while (rs.next()) {
          String name = rs.getString("INDEX_NAME");
          if (name == null) {
            continue;
          }
          byName
              .computeIfAbsent(name, k -> new TreeMap<>())
              .put(
                  rs.getShort("ORDINAL_POSITION"),
                  rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          unique.put(name, !rs.getBoolean("NON_UNIQUE"));
        }
      }
      byName.forEach(
          (name, cols) ->
              indexes.add(
                  table
                      + "("
                      + String.join(", ", cols.values())
                      + ") "
                      + (unique.get(name) ? "unique" : "non-unique")));
    }
    return indexes;
  }
}
