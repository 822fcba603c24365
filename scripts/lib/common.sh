# Shared by the scripts in scripts/ (sourced, not run).

# The home of a JDK >= 25: JAVA_HOME if it is one, else the newest under /usr/lib/jvm. Never a fixed path.
find_jdk() {
  local j v
  for j in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -r); do
    [ -n "$j" ] && [ -x "$j/bin/java" ] || continue
    v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v%%.*}" -ge 25 ] 2>/dev/null && { echo "$j"; return 0; }
  done
  echo "no JDK >= 25 found (set JAVA_HOME)" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# await_ready PORT PID LOG [SECONDS]: waits until the server answers readiness; fails if it exits or takes too long.
await_ready() {
  local port=$1 pid=$2 log=$3 limit=${4:-120} start
  start=$(date +%s)
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited; its log:" >&2; tail -30 "$log" >&2; return 1; }
    [ $(( $(date +%s) - start )) -lt "$limit" ] || { echo "not ready in $limit s; log: $log" >&2; return 1; }
    sleep 0.05
  done
}

# cpu_ms PID: the CPU time (user + system, all threads) the process has used so far, in ms.
cpu_ms() {
  awk -v tck="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tck) }' "/proc/$1/stat"
}

# train_aot_cache JAVA JAR CACHE WORKDIR [JVM OPTIONS...]: one start of JAR with -XX:AOTCacheOutput up to readiness,
# then a graceful stop; the JVM writes the cache (classes loaded and linked, method profiles: JEP 483/514/515) as it
# exits. The options must be those of the starts that use the cache (the classes they load differ).
train_aot_cache() {
  local java=$1 jar=$2 cache=$3 work=$4 port pid
  shift 4
  port=$(free_port)
  "$java" "$@" -XX:AOTCacheOutput="$cache" -jar "$jar" --botfleet.data-dir="$work/train-data" --server.port="$port" \
    >"$work/train.log" 2>&1 &
  pid=$!
  await_ready "$port" "$pid" "$work/train.log" "${STARTUP_LIMIT:-120}" || { kill "$pid" 2>/dev/null; return 1; }
  # what a user asks first (the dashboard and its login page), so the classes that answer them are in the cache too
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" || true
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v1/auth/oidc/providers" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ -f "$cache" ] || { echo "the AOT cache was not written; see $work/train.log" >&2; return 1; }
}

# fast_jvm_options: extra JVM options of a fast start (start-fast.sh, STARTUP_AOT=1 of startup-time.sh). During the
# start the C2 compiler used about as much CPU as the main thread, compiling start-up code that never runs again, and
# on 2 cores the start is bound by the CPU of both. C2's thresholds ten times the defaults: C1 still compiles at the
# usual thresholds, and code that stays hot (a bot's every tick) still reaches C2, after 50,000 calls instead of
# 5,000. On the quiet 2-core machine: 4.1-4.8 s instead of 4.9-5.5 s to readiness, 1.5 s less CPU
# (docs/benchmarks/startup.md "Start-up time", sixth sitting). FAST_JIT=default leaves the thresholds at their defaults.
fast_jvm_options() {
  [ "${FAST_JIT:-}" = default ] && return 0
  echo "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000"
  echo "-XX:Tier4BackEdgeThreshold=400000"
}

# spring_aot_options JAVA EXTRACTED_JAR: prints -Dspring.aot.enabled=true when the jar was built with -Paot (it holds
# Spring's generated initializer of the application context), nothing otherwise.
spring_aot_options() {
  local jar_tool
  jar_tool="$(dirname "$1")/jar"
  "$jar_tool" tf "$2" | grep -q 'dev/botfleet/server/BotfleetApplication__ApplicationContextInitializer.class' \
    && echo "-Dspring.aot.enabled=true"
  return 0
}
