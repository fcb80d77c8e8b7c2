# Sourced by bin/run, bin/test and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# The machine's default java may be older (17 on the development machines); Maven's enforcer would
# stop such a build with a message, so pick a suitable JDK before Maven starts.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]; exit}'
}

select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
    /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "miandeng needs a JDK 21 or newer; none found under /usr/lib/jvm or JAVA_HOME." >&2
  echo "Install one (e.g. Temurin 21/25) and point JAVA_HOME at it." >&2
  return 1
}
