# Sourced by bin/run and bin/doctor (and bin/startup-time, for the JVM options): which jar to
# start, and how.

# The production jar (app/target/miandeng.jar) when Feishu credentials are given, in the
# environment (FEISHU_APP_ID) or as a flag (--feishu-app-id=…); else the demo
# (demo/target/miandeng-demo.jar: the same app on the built-in Feishu simulator, in one JVM).
# MIANDENG_FEISHU (or --feishu=) real or simulator decides when set. An App ID that only a
# configuration file names starts the demo, which refuses it and names the production jar.
miandeng_jar() {
  local mode="${MIANDENG_FEISHU:-}" app_id="${FEISHU_APP_ID:-}" arg
  for arg in "$@"; do
    case "$arg" in
      --feishu=*) mode="${arg#*=}" ;;
      --feishu-app-id=*) app_id="${arg#*=}" ;;
    esac
  done
  mode="${mode,,}"
  if [ "$mode" = simulator ] || { [ "$mode" != real ] && [ -z "$app_id" ]; }; then
    echo demo/target/miandeng-demo.jar
  else
    echo app/target/miandeng.jar
  fi
}

# Class data prepared ahead of time, kept next to the jar (a build output under target/): the first
# start records what it loads and writes the file at exit; later starts map it instead of loading,
# parsing, verifying and linking those classes again.
# - JDK 25+: the AOT cache (<jar>.aot, -XX:AOTCacheOutput then -XX:AOTCache), which also keeps the
#   classes linked and the first method profiles. Writing it at the first exit takes a few seconds.
# - JDK 19-24: the AppCDS archive (<jar>.jsa, -XX:+AutoCreateSharedArchive).
# The JVM ignores a file made from another build of the jar but does not replace it, so one older
# than the jar is deleted here first. On an older JDK no option is added.
miandeng_jvm_options() {
  local jar="$1" major file
  major=$(java_major "$JAVA_HOME")
  [ -n "$major" ] && [ "$major" -ge 19 ] || return 0
  if [ "$major" -ge 25 ]; then file="${jar%.jar}.aot"; else file="${jar%.jar}.jsa"; fi
  if [ -f "$file" ] && [ "$jar" -nt "$file" ]; then
    rm -f "$file"
  fi
  if [ "$major" -lt 25 ]; then
    echo "-XX:SharedArchiveFile=$file -XX:+AutoCreateSharedArchive -Xlog:cds*=off"
  elif [ -f "$file" ]; then
    echo "-XX:AOTCache=$file -Xlog:aot*=off -Xlog:cds*=off"
  else
    echo "-XX:AOTCacheOutput=$file -Xlog:aot*=off -Xlog:cds*=off"
  fi
}

# Starts the jar with the class-data options above and the given arguments; its exit status is the
# JVM's. A run that writes the AOT cache or the AppCDS archive (the first of a build) writes it at
# exit from what it did. When the app refused to start (a configuration error: status 2; a port in
# use or a store out of reach: status 1) it did nearly nothing, and that file would stay until the
# next build and make every start slower than none: it is dropped, so the next run writes one
# again. Stopping the app keeps it: Ctrl-C or SIGTERM, both passed on to the JVM as SIGTERM
# (started in the background, it ignores SIGINT), status 143.
miandeng_run_jar() {
  local jar="$1" cache="" option app status=0
  shift
  local jvm_options
  read -r -a jvm_options <<<"$(miandeng_jvm_options "$jar")"
  for option in "${jvm_options[@]}"; do
    case "$option" in
      -XX:AOTCacheOutput=*) cache="${option#*=}" ;;
      -XX:SharedArchiveFile=*) [ -f "${option#*=}" ] || cache="${option#*=}" ;;
    esac
  done
  if [ -z "$cache" ]; then
    exec "$JAVA_HOME/bin/java" "${jvm_options[@]}" -jar "$jar" "$@"
  fi
  "$JAVA_HOME/bin/java" "${jvm_options[@]}" -jar "$jar" "$@" &
  app=$!
  trap 'kill -TERM "$app" 2>/dev/null' TERM INT HUP
  wait "$app" || status=$?
  # A signal ends the wait above early; wait again for the JVM's own status.
  while kill -0 "$app" 2>/dev/null; do
    status=0
    wait "$app" || status=$?
  done
  if [ "$status" -eq 1 ] || [ "$status" -eq 2 ]; then
    rm -f "$cache"
    echo "the start was refused: the class-data cache it wrote ($cache) is dropped, the next start writes one again" >&2
  fi
  return "$status"
}
