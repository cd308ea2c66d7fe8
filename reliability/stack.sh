#!/usr/bin/env bash
# reliability/stack.sh — the reliability suite's own, completely separate Rectify stack.
#
# It never touches the shared stack (PostgreSQL 5432, Kafka 9092, services 8081-8084): its own
# PostgreSQL cluster (initdb in the run folder, 127.0.0.1:5433), its own Kafka broker
# (127.0.0.1:29092, controller 29093, data in the run folder, jars of deploy/local's .run/kafka/libs)
# and the four services as separate processes on 9281-9284, built from a snapshot of HEAD so that
# other engineers' rebuilds cannot change a jar under a running (or restarting) service.
#
#   stack.sh build                 snapshot HEAD (git archive) and package services + suite (cached per commit)
#   stack.sh build-suite           re-package only the suite from the working tree (while developing it)
#   stack.sh up                    fresh PostgreSQL + Kafka (data wiped), topics, databases, four services
#   stack.sh down                  stop everything this script started (data kept until the next `up`)
#   stack.sh status                what runs
#   stack.sh kafka-stop|kafka-start
#   stack.sh pg-stop|pg-start
#   stack.sh svc-kill <inst>       kill -9
#   stack.sh svc-stop <inst>       SIGTERM, and wait until it has exited (a rolling restart's stop)
#   stack.sh svc-start <inst>      start and wait until /q/health/ready answers 200
#
# <inst> is a service (its first instance) or <service>@<k>, its k-th instance on port + 100*(k-1).
# Two settings choose the stack's shape, for `up` and every later command (reliability/run.sh sets them):
#   RELIABILITY_REPLICAS=N   N instances of each service (R7: 2), sharing databases and consumer groups
#   RELIABILITY_SECURE=1     the broker with TLS, SCRAM-SHA-512 and ACLs of deploy/local/secure-kafka.sh,
#                            one Kafka user per service (R8); the suite reads as the admin user
#
# Fault commands are what the Java suite (io.rectify.reliability.Main) calls at its fixed points.
# Everything binds to 127.0.0.1 only. Run folder: $RELIABILITY_RUN_DIR, default <repo>/.run/reliability.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# deploy/local/rectify, sourced for its helpers (port_open, live_pid, stop_pid, kafka_config, ...);
# its settings are re-pointed below to this stack's ports and folders.
# shellcheck source=../deploy/local/rectify
source "$HERE/../deploy/local/rectify"

SHARED_RUN=$RUN                                  # deploy/local's run folder: the Kafka jars live there
REL_RUN=${RELIABILITY_RUN_DIR:-$REPO/.run/reliability}
RUN=$REL_RUN
STARTED_BY_US=$REL_RUN/started-by-us

# --- Kafka: own broker, own data, shared jars
KAFKA_PORT=29092
KAFKA_CONTROLLER_PORT=29093
KAFKA_BOOTSTRAP=$KAFKA_HOST:$KAFKA_PORT
KAFKA_DIR=$REL_RUN/kafka
KAFKA_LIBS=$SHARED_RUN/kafka/libs
KAFKA_PID=$KAFKA_DIR/kafka.pid
KAFKA_LOG=$KAFKA_DIR/logs/server.log

# R8: the secure broker of deploy/local/secure-kafka.sh (sourced by rectify), on this stack's ports
REPLICAS=${RELIABILITY_REPLICAS:-1}
[[ $REPLICAS =~ ^[1-9]$ ]] || die "RELIABILITY_REPLICAS takes 1 to 9"
if [[ ${RELIABILITY_SECURE:-0} == 1 ]]; then
  SECURE=1
  KAFKA_DIR=$REL_RUN/kafka-secure
  KAFKA_PID=$KAFKA_DIR/kafka.pid
  KAFKA_LOG=$KAFKA_DIR/logs/server.log
  KAFKA_ADMIN_ARGS=(--command-config "$KAFKA_DIR/admin.properties")
fi

# --- PostgreSQL: own cluster in the run folder
PG_PORT=5433
PG_BIN=/usr/lib/postgresql/$(pg_version)/bin
PG_DATA=$REL_RUN/pg/data
PG_SOCKET_DIR=$REL_RUN/pg/socket
PG_LOG=$REL_RUN/pg/postgres.log
REL_DATABASES=(rectify_inspection rectify_hazard rectify_scoring rectify_notification)

# --- services: own ports, own copies of the built apps
declare -A SERVICE_PORT=(
  [inspection-service]=9281 [hazard-service]=9282 [scoring-service]=9283 [notification-service]=9284
)
BUILD_SRC=$REL_RUN/src
APPS=$REL_RUN/apps

# an instance: <service> or <service>@<k>
inst_svc()  { echo "${1%@*}"; }
inst_port() { local k=1; [[ $1 == *@* ]] && k=${1##*@}; echo $((SERVICE_PORT[${1%@*}] + 100 * (k - 1))); }
instances() {
  local svc k
  for svc in "${SERVICES[@]}"; do
    echo "$svc"
    for ((k = 2; k <= REPLICAS; k++)); do echo "$svc@$k"; done
  done
}
svc_jar()  { echo "$APPS/$(inst_svc "$1")/quarkus-run.jar"; }
svc_pidf() { echo "$REL_RUN/pids/$1.pid"; }
svc_log()  { echo "$REL_RUN/logs/$1.log"; }
db_of()    { local s=${1%@*}; s=${s%-service}; echo "rectify_$s"; }

rel() { printf '[stack] %s\n' "$*"; }

# ---------------------------------------------------------------------------------------------
# build: a snapshot of HEAD, packaged once per commit
# ---------------------------------------------------------------------------------------------
cmd_build() {
  local commit modules t0=$SECONDS
  commit=$(git -C "$REPO" rev-parse HEAD)
  if [[ -f $REL_RUN/built-commit && $(<"$REL_RUN/built-commit") == "$commit" && -d $APPS ]]; then
    rel "build: $commit already built"
    return 0
  fi
  rel "build: packaging $commit from a snapshot (git archive) in $BUILD_SRC"
  rm -rf "$BUILD_SRC" "$APPS"
  mkdir -p "$BUILD_SRC" "$APPS"
  git -C "$REPO" archive --format=tar HEAD | tar -x -C "$BUILD_SRC"
  modules=event-contracts,platform,$(IFS=,; echo "${SERVICES[*]}"),scenarios,reliability
  (cd "$BUILD_SRC" && ./mvnw -B -q -DskipTests package -pl "$modules" 9>&-) || die "build failed"
  for svc in "${SERVICES[@]}"; do
    cp -a "$BUILD_SRC/$svc/target/quarkus-app" "$APPS/$svc"
  done
  mkdir -p "$APPS/reliability"
  cp -a "$BUILD_SRC/reliability/target/reliability.jar" "$BUILD_SRC/reliability/target/lib" "$APPS/reliability/"
  echo "$commit" >"$REL_RUN/built-commit"
  rel "build done in $((SECONDS - t0)) s"
}

cmd_build_suite() {
  [[ -d $BUILD_SRC ]] || die "run stack.sh build first"
  rm -rf "$BUILD_SRC/reliability"
  cp -a "$HERE" "$BUILD_SRC/reliability"
  rm -rf "$BUILD_SRC/reliability/target"
  (cd "$BUILD_SRC" && ./mvnw -B -q -DskipTests package -pl reliability 9>&-) || die "build failed"
  rm -rf "$APPS/reliability"
  mkdir -p "$APPS/reliability"
  cp -a "$BUILD_SRC/reliability/target/reliability.jar" "$BUILD_SRC/reliability/target/lib" "$APPS/reliability/"
  rel "suite re-packaged from the working tree"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL: initdb'd cluster owned by the postgres user, trust on loopback only
# ---------------------------------------------------------------------------------------------
pg_ctl_rel() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@" 9>&-; }

pg_rel_running() { [[ -f $PG_DATA/postmaster.pid ]] && pg_ctl_rel status >/dev/null 2>&1; }

pg_rel_init() {
  rm -rf "$REL_RUN/pg"
  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  chown -R postgres:postgres "$REL_RUN/pg"
  chmod 700 "$PG_DATA"
  # initdb runs as postgres: every folder above the checkout must let it through (a clone made in a
  # `mktemp -d` folder, mode 700, does not, and initdb's own "Permission denied" does not say why)
  as_postgres test -w "$PG_DATA" 9>&- ||
    die "the postgres user cannot reach $PG_DATA: make the folders above the checkout traversable (chmod o+x), then run again"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null 9>&-
  cat >>"$PG_DATA/postgresql.conf" <<CONF
# reliability suite: loopback only, its own port and socket folder
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 200
shared_buffers = 128MB
CONF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$PG_DATA/pg_hba.conf"
  chown postgres:postgres "$PG_DATA/pg_hba.conf"
}

cmd_pg_start() {
  if pg_rel_running; then rel "PostgreSQL :$PG_PORT already running"; return 0; fi
  pg_ctl_rel start -w -t 60 -l "$PG_LOG" >/dev/null || die "PostgreSQL :$PG_PORT did not start (see $PG_LOG)"
  rel "PostgreSQL :$PG_PORT started"
}

cmd_pg_stop() {
  if ! pg_rel_running; then rel "PostgreSQL :$PG_PORT not running"; return 0; fi
  pg_ctl_rel stop -m fast -w -t 60 >/dev/null
  rel "PostgreSQL :$PG_PORT stopped"
}

pg_rel_bootstrap() {
  local db
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -d postgres \
    -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" 9>&-
  # least privilege as on the shared stack: the owner role migrates, the services run as $DB_USER
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -d postgres \
    -c "CREATE ROLE $DB_OWNER LOGIN PASSWORD '$DB_OWNER_PASSWORD'" 9>&-
  for db in "${REL_DATABASES[@]}"; do
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -d postgres \
      -c "CREATE DATABASE \"$db\" OWNER $DB_OWNER" 9>&-
  done
  rel "PostgreSQL :$PG_PORT roles $DB_OWNER/$DB_USER, databases ${REL_DATABASES[*]}"
}

# ---------------------------------------------------------------------------------------------
# Kafka: deploy/local's functions with this stack's settings
# ---------------------------------------------------------------------------------------------
cmd_kafka_start() { kafka_up; }
cmd_kafka_stop()  { kafka_down; }

# ---------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------
svc_ready_url() { echo "http://127.0.0.1:$(inst_port "$1")/q/health/ready"; }

svc_rel_pid() { live_pid "$(svc_pidf "$1")" "$(svc_jar "$1")"; }

svc_rel_spawn() {
  local inst=$1 svc pid port aot
  svc=$(inst_svc "$inst")
  port=$(inst_port "$inst")
  [[ -f $(svc_jar "$inst") ]] || die "$(svc_jar "$inst") missing: run stack.sh build"
  if pid=$(svc_rel_pid "$inst"); then rel "$inst already running (pid $pid)"; return 0; fi
  port_open 127.0.0.1 "$port" && die "port $port is taken by another process"
  mkdir -p "$REL_RUN/pids" "$REL_RUN/logs"
  # the snapshot's AOT cache on a JDK 25+ (deploy/local/rectify SERVICE_JAVA); "train": the start that makes it.
  # Worked out here, not in the subshell: the pid file must name a java process as soon as the wait looks.
  mapfile -t aot < <(aot_opts "$APPS/$svc" "${2:-}")
  (
    cd "$APPS/$svc"
    export PORT=$port
    export QUARKUS_HTTP_HOST=127.0.0.1
    export RECTIFY_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$(db_of "$svc")
    export KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP
    # R8: the service's own Kafka user, the truststore (secure-kafka.sh)
    if ((SECURE)); then secure_service_env "$svc"; fi
    export RECTIFY_JWT_PUBLIC_KEY=$REPO/deploy/local/jwt/dev-public.pem
    export RECTIFY_KAFKA_TOPIC_PREFIX=
    if [[ $svc == notification-service ]]; then
      # the ladder in seconds, so reminders and escalations go out while the suite watches; repeats
      # hourly, or the never-signed-off hazards of earlier scenarios would flood the dispatcher
      export RECTIFY_CHASING_DUE_SOON_BEFORE=PT20S,PT10S RECTIFY_CHASING_REPEAT_EVERY=PT1H
      export RECTIFY_CHASING_GENERAL_CITY=PT10S RECTIFY_CHASING_GENERAL_PROVINCE=PT25S
      export RECTIFY_CHASING_MAJOR_CITY=PT5S RECTIFY_CHASING_MAJOR_PROVINCE=PT15S
      export RECTIFY_CHASING_SWEEP_INTERVAL=PT1S RECTIFY_DELIVERY_POLL_INTERVAL=PT1S
      export RECTIFY_DELIVERY_INITIAL_BACKOFF=PT1S RECTIFY_DELIVERY_MAX_BACKOFF=PT5S RECTIFY_WEBHOOK_TIMEOUT=PT3S
    fi
    if [[ $svc == scoring-service ]]; then
      # "overdue now" moves with the clock: recompute every 5 s so the stored answers follow it
      export RECTIFY_SCORING_TICK=5s
    fi
    if [[ $svc == hazard-service ]]; then
      export RECTIFY_HAZARD_OVERDUE_SWEEP_INTERVAL=2s
    fi
    echo "=== $(date -Is) start: $SERVICE_JAVA ${aot[*]}" >>"$(svc_log "$inst")"
    exec setsid nohup "$SERVICE_JAVA" -Xmx384m -XX:+UseSerialGC "${aot[@]}" -jar "$(svc_jar "$inst")" >>"$(svc_log "$inst")" 2>&1 </dev/null 9>&-
  ) &
  pid=$!
  echo "$pid" >"$(svc_pidf "$inst")"
  rel "$inst starting (pid $pid, port $port, $(if [[ ${2:-} == train ]]; then echo "AOT training run"; else aot_describe "$APPS/$svc"; fi))"
}

svc_rel_wait() {
  local svc=$1 deadline=$((SECONDS + 180))
  until [[ $(http_status "$(svc_ready_url "$svc")") == 200 ]]; do
    spawned_alive "$(svc_pidf "$svc")" || { tail -n 40 "$(svc_log "$svc")" >&2; die "$svc exited during start-up"; }
    ((SECONDS < deadline)) || die "$svc not ready after 180 s (see $(svc_log "$svc"))"
    sleep 0.5
  done
  rel "$svc ready"
}

cmd_svc_start() { svc_rel_spawn "$1"; svc_rel_wait "$1"; }

# Once per snapshot, on a JDK 25+: each service starts once as the training run of its AOT cache, becomes
# ready and stops normally (which writes the cache), so that every start the scenarios make (a kill -9's
# restart, a rolling restart) maps it.
aot_train_stack() {
  aot_train svc_rel_spawn svc_rel_wait svc_rel_pid stack_app_dir "${SERVICES[@]}"
}
stack_app_dir() { echo "$APPS/$1"; }

cmd_svc_kill() {
  local svc=$1 pid
  pid=$(svc_rel_pid "$svc") || { rel "$svc not running"; return 0; }
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rel "$svc killed with SIGKILL (pid $pid)"
}

cmd_svc_stop() {
  local svc=$1 pid
  pid=$(svc_rel_pid "$svc") || return 0
  stop_pid "$pid" 20 "$svc"
}

# ---------------------------------------------------------------------------------------------
# Whole stack
# ---------------------------------------------------------------------------------------------
cmd_up() {
  local t0=$SECONDS svc
  mkdir -p "$REL_RUN"
  cmd_down >/dev/null 2>&1 || true
  # a fresh stack every time: the invariants count everything on the topics and in the databases
  pg_rel_init
  cmd_pg_start
  pg_rel_bootstrap
  rm -rf "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
  kafka_fetch
  kafka_config
  kafka_up
  kafka_topics
  aot_train_stack
  for svc in $(instances); do svc_rel_spawn "$svc"; done
  for svc in $(instances); do svc_rel_wait "$svc"; done
  rel "stack up in $((SECONDS - t0)) s ($REPLICAS instance(s) of each service$( ((SECURE)) && echo ', secure broker'))"
}

cmd_down() {
  local svc
  # every instance that may run, whatever the current RELIABILITY_REPLICAS says
  for svc in "${SERVICES[@]}" $(REPLICAS=9 instances | grep @); do
    [[ -f $(svc_pidf "$svc") ]] && cmd_svc_stop "$svc"
  done
  kafka_down
  # the broker of the other shape, if an earlier run left it (both listen on the same port)
  local other=$REL_RUN/kafka-secure
  ((SECURE)) && other=$REL_RUN/kafka
  [[ -f $other/kafka.pid ]] && (KAFKA_DIR=$other KAFKA_PID=$other/kafka.pid; kafka_down)
  cmd_pg_stop
}

cmd_status() {
  local svc
  if pg_rel_running; then rel "PostgreSQL :$PG_PORT UP"; else rel "PostgreSQL :$PG_PORT DOWN"; fi
  if port_open 127.0.0.1 "$KAFKA_PORT"; then rel "Kafka :$KAFKA_PORT UP"; else rel "Kafka :$KAFKA_PORT DOWN"; fi
  for svc in $(instances); do
    rel "$svc :$(inst_port "$svc") $(http_status "$(svc_ready_url "$svc")")"
  done
}

rel_main() {
  local cmd=${1:-help}
  shift || true
  case $cmd in
    build) cmd_build ;;
    build-suite) cmd_build_suite ;;
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    kafka-stop) cmd_kafka_stop ;;
    kafka-start) cmd_kafka_start ;;
    pg-stop) cmd_pg_stop ;;
    pg-start) cmd_pg_start ;;
    svc-kill) cmd_svc_kill "${1:?service}" ;;
    svc-start) cmd_svc_start "${1:?service}" ;;
    svc-stop) cmd_svc_stop "${1:?service}" ;;
    *) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; [[ $cmd == help ]] ;;
  esac
}

rel_main "$@"
