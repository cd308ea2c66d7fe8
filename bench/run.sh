#!/usr/bin/env bash
# bench/run.sh [--quick] — the benchmarks of docs/spec/quality.md "Speed" (P1–P5) on this machine.
#
# Starts its OWN instances of the four services (ports 9181–9184, databases rectify_<svc>_bench, topics
# bench.*, consumer groups bench-<svc>) from a snapshot of their built jars, measures each benchmark
# and the reference tool on the same machine in the same run, stops its services and prints one table.
# PostgreSQL and Kafka come from `deploy/local/rectify infra-up` and are shared: never stopped here.
#
#   --quick   every benchmark at a small size in a few minutes (CI smoke test); exit 0 unless something
#             crashed, whatever the figures
#   --footprint  only P5 (each service's start and idle RSS), after the AOT cache's training run
#   --ingest / --freshness / --rebuild / --chase  only P1 / P2 / P3 / P4 (work on one of them; the full run is the measure)
#   --export  only P6 (the register export of a million hazards against PostgreSQL's COPY); with
#             --quick, of 50,000
#
# Everything goes to .run/bench/ (logs, results.txt, table.txt). See bench/README.md.
set -euo pipefail

BENCH=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# The launcher's helpers and settings (REPO, RUN, KAFKA_*, DB_*, pg_bootstrap, stop_pid, …); sourcing
# it runs no command.
# shellcheck source=../deploy/local/rectify
source "$BENCH/../deploy/local/rectify"
set -euo pipefail

QUICK=0
ONLY_EXPORT=0
ONLY_UPLOADS=0
ONLY_FOOTPRINT=0
ONLY=
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    --export) ONLY_EXPORT=1 ;;
    --uploads) ONLY_UPLOADS=1 ;;
    --footprint) ONLY_FOOTPRINT=1 ;;
    --ingest) ONLY=p1 ;;
    --freshness) ONLY=p2 ;;
    --rebuild) ONLY=p3 ;;
    --chase) ONLY=p4 ;;
    *) echo "usage: bench/run.sh [--quick] [--export | --uploads | --footprint | --ingest | --freshness | --rebuild | --chase]" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Sizes (quality.md "Speed"; --quick: small)
# ---------------------------------------------------------------------------------------------
if ((QUICK)); then
  P1_SECONDS=10; P1_WARMUP=3
  P2_RATE=100; P2_SECONDS=10; P2_COUNTIES=10
  P3_EVENTS=50000; P3_WARMUP_ROUNDS=1
  P4_CHASES=50000; P4_READY=5000; P4_WARMUP=1000; P4_WARMUP_ROUNDS=2; P4_TIMEOUT=90
  P6_HAZARDS=50000
  P7_SECONDS=5
else
  P1_SECONDS=60; P1_WARMUP=15
  P2_RATE=500; P2_SECONDS=60; P2_COUNTIES=100
  P3_EVENTS=1000000; P3_WARMUP_ROUNDS=${P3_WARMUP_ROUNDS:-3}
  P4_CHASES=1000000; P4_READY=100000; P4_WARMUP=${P4_WARMUP:-20000}; P4_WARMUP_ROUNDS=${P4_WARMUP_ROUNDS:-12}; P4_TIMEOUT=300
  P6_HAZARDS=1000000
  P7_SECONDS=30
fi
P7_CLIENTS=32
P1_CLIENTS=32

BRUN=$RUN/bench
RESULTS=$BRUN/results.txt
TABLE=$BRUN/table.txt
PREFIX=bench.
BENCH_SERVICES=(inspection-service hazard-service scoring-service notification-service)
declare -A BPORT=([inspection-service]=9181 [hazard-service]=9182 [scoring-service]=9183 [notification-service]=9184)
declare -A BDB=([inspection-service]=rectify_inspection_bench [hazard-service]=rectify_hazard_bench
                [scoring-service]=rectify_scoring_bench [notification-service]=rectify_notification_bench)
# incoming channels per service: each gets the consumer group bench-<svc> (never the developers' groups)
declare -A CHANNELS=([inspection-service]="COUNTY_INDEX HAZARD_EVENTS" [hazard-service]="INSPECTION_EVENTS"
                     [scoring-service]="INSPECTION_EVENTS HAZARD_EVENTS" [notification-service]="HAZARD_EVENTS")
REF_DB=rectify_hazard_bench_ref
WEBHOOK_PORT=9190
declare -A BPID=()

bsay() { printf '[bench] %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
psql_app() {   # psql_app <db> <sql>: one value per line, as the services' role over TCP
  PGPASSWORD=$DB_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$1" -tAc "$2"
}

bench_java() { # the harness (bench/target/bench.jar); RESULT lines are appended to results.txt
  "$JAVA" -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH/target/bench.jar:$BENCH/target/lib/*" \
    io.rectify.bench.Main "$@" \
    --key "$REPO/deploy/local/jwt/dev-private.pem" | tee -a "$RESULTS"
}

result() { awk -v n="$1" '$1 == "RESULT" && $2 == n { v = $3 } END { print v }' "$RESULTS"; }

calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# ---------------------------------------------------------------------------------------------
# Build, snapshot, databases, topics
# ---------------------------------------------------------------------------------------------
build_if_missing() {
  local svc missing=()
  for svc in "${BENCH_SERVICES[@]}"; do
    [[ -f $REPO/$svc/target/quarkus-app/quarkus-run.jar ]] || missing+=("$svc")
  done
  if ((${#missing[@]})); then
    bsay "building $(IFS=,; echo "${missing[*]}")"
    (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am)
  fi
  if [[ ! -f $BENCH/target/bench.jar ]]; then
    bsay "building the harness (scenarios, bench)"
    # -am: scenarios and bench need event-contracts (and whatever else they use) from this checkout
    (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl scenarios,bench -am)
  fi
}

# Other engineers rebuild their modules while we run: start from a private copy of each quarkus-app.
snapshot_apps() {
  local svc
  rm -rf "$BRUN/apps"
  mkdir -p "$BRUN/apps"
  for svc in "${BENCH_SERVICES[@]}"; do
    cp -a "$REPO/$svc/target/quarkus-app" "$BRUN/apps/$svc"
    rm -f "$BRUN/apps/$svc"/rectify.aot* # trained on the class path of target/: the snapshot gets its own
  done
}

# Fresh databases every run (dropped by their owner, then created by the launcher's own pg_bootstrap).
reset_databases() {
  local db
  for db in "${BDB[@]}" "$REF_DB"; do
    # by their owner: rectify_owner since least privilege (issue 12), the app role before
    PGPASSWORD=$DB_OWNER_PASSWORD psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$DB_OWNER" -d postgres \
      -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 ||
      psql_app postgres "drop database if exists \"$db\" with (force)" >/dev/null
  done
  DATABASES=("${BDB[@]}" "$REF_DB")
  pg_bootstrap >&2
}

# Each benchmark starts on a quiet machine, as P5 does after the AOT training: what the previous one wrote is
# checkpointed now rather than flushed inside the next one's window, no autovacuum worker is still at its tables,
# and the cores are idle (>= 80 % over 2 s). Waits at most BENCH_QUIET_MAX seconds (90); the wait is a RESULT.
bquiet() { # bquiet <id>
  local t0=$SECONDS until=$((SECONDS + ${BENCH_QUIET_MAX:-90})) workers idle
  as_postgres psql -X -q -p "$PG_PORT" -d postgres -c "checkpoint" >/dev/null 2>&1 || true
  while ((SECONDS < until)); do
    workers=$(psql_app postgres "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'" 2>/dev/null || echo 0)
    idle=$(cpu_idle_percent 2)
    ((workers == 0 && idle >= 80)) && break
  done
  echo "RESULT $1.quiet_wait_s $((SECONDS - t0))" >>"$RESULTS"
  bsay "${1^^}: machine quiet after $((SECONDS - t0)) s (idle ${idle:-?} %, autovacuum workers ${workers:-?})"
}

cpu_idle_percent() { # cpu_idle_percent <seconds>: the share of all cores' time spent idle over that window
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep "$1"
  read -r -a b < <(grep '^cpu ' /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  ((total > 0)) && echo $(((b[4] - a[4] + b[5] - a[5]) * 100 / total)) || echo 100
}

reset_group() { # reset_group <group> <topic>: the group's offsets to the end (the group must be idle)
  "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --group "$1" --topic "$2" --reset-offsets --to-latest --execute >/dev/null
}

# ---------------------------------------------------------------------------------------------
# The bench's own service instances
# ---------------------------------------------------------------------------------------------
bstart() { # bstart <svc> [JVM options…]: starts from the snapshot; sets BPID[svc] and START_NS[svc]
  local svc=$1; shift
  local opts=("$@") ch envs=()
  ((${#opts[@]})) || opts=("${SERVICE_JVM_OPTS[@]}") # as `rectify up` starts them
  # BENCH_JFR=1: a JFR profile per service start in .run/bench/jfr/ (see README "Profiling")
  if [[ ${BENCH_JFR:-0} == 1 ]]; then
    mkdir -p "$BRUN/jfr"
    opts+=("-XX:StartFlightRecording=filename=$BRUN/jfr/$svc-$(date +%H%M%S).jfr,settings=profile,dumponexit=true")
  fi
  for ch in ${CHANNELS[$svc]}; do envs+=("MP_MESSAGING_INCOMING_${ch}_GROUP_ID=bench-$svc"); done
  mkdir -p "$BRUN/logs"
  # the AOT cache of this snapshot when there is one (JDK 25+); BENCH_TRAIN=train: the start that makes it
  mapfile -t -O "${#opts[@]}" opts < <(aot_opts "$BRUN/apps/$svc" "${BENCH_TRAIN:-}")
  echo "=== start $(date -Is) $SERVICE_JAVA ${opts[*]}" >>"$BRUN/logs/$svc.log"
  START_NS[$svc]=$(date +%s%N)
  (
    cd "$REPO/$svc"
    exec env PORT="${BPORT[$svc]}" RECTIFY_DB_URL="jdbc:postgresql://127.0.0.1:5432/${BDB[$svc]}" \
      RECTIFY_KAFKA_TOPIC_PREFIX="$PREFIX" RECTIFY_JWT_PUBLIC_KEY="$REPO/deploy/local/jwt/dev-public.pem" \
      "${envs[@]}" "${BENCH_ENV[@]}" \
      "$SERVICE_JAVA" "${opts[@]}" -jar "$BRUN/apps/$svc/quarkus-run.jar" >>"$BRUN/logs/$svc.log" 2>&1 </dev/null 9>&-
  ) &
  BPID[$svc]=$!
}
declare -A START_NS=()
BENCH_ENV=()

bwait_ready() { # bwait_ready <svc>: waits for /q/health/ready 200; prints ms since the process started
  local svc=$1 deadline=$((SECONDS + 180)) code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${BPORT[$svc]}/q/health/ready" || true)
    [[ $code == 200 ]] && break
    if ! kill -0 "${BPID[$svc]}" 2>/dev/null; then
      tail -n 40 "$BRUN/logs/$svc.log" >&2
      die "$svc exited during start-up (log: $BRUN/logs/$svc.log)"
    fi
    ((SECONDS < deadline)) || die "$svc not ready after 180 s (log: $BRUN/logs/$svc.log)"
    sleep 0.05
  done
  echo $((($(date +%s%N) - START_NS[$svc]) / 1000000))
}

bstop() {
  local svc=$1
  if [[ -n ${BPID[$svc]:-} ]] && kill -0 "${BPID[$svc]}" 2>/dev/null; then
    stop_pid "${BPID[$svc]}" 20 "bench $svc" >&2
  fi
  unset "BPID[$svc]"
}

cleanup() {
  local svc
  for svc in "${BENCH_SERVICES[@]}"; do bstop "$svc" || true; done
}
trap cleanup EXIT

# The snapshot's AOT cache (JDK 25+, see SERVICE_JAVA in deploy/local/rectify), made before anything is
# measured, as `rectify up` makes it after a build: the four services start once together, become ready
# and stop normally, which writes each one's cache. Without a JDK 25 this does nothing.
aot_train_bench() {
  local svc trained=0
  for svc in "${BENCH_SERVICES[@]}"; do aot_needs_training "$BRUN/apps/$svc" && trained=1; done
  ((trained)) || return 0
  aot_train bstart_training bwait_quiet bench_pid bench_app_dir "${BENCH_SERVICES[@]}" >&2
  # the training's own CPU (four starts, four cache assemblies) is not what P5 measures: let it settle
  local settle=$((SECONDS + 120))
  while (($(cut -d' ' -f1 /proc/loadavg | cut -d. -f1) >= 1 && SECONDS < settle)); do sleep 5; done
  bsay "load average after the training: $(loadavg)"
}
# aot_train's view of the bench's instances
bstart_training() { BENCH_TRAIN=train bstart "$1"; }
bwait_quiet() { bwait_ready "$1" >/dev/null; }
bench_pid() { [[ -n ${BPID[$1]:-} ]] && kill -0 "${BPID[$1]}" 2>/dev/null && echo "${BPID[$1]}"; }
bench_app_dir() { echo "$BRUN/apps/$1"; }

# ---------------------------------------------------------------------------------------------
# P5 footprint: each service alone, start -> /q/health/ready, Quarkus' own "started in", idle RSS
# ---------------------------------------------------------------------------------------------
p5_footprint() {
  local svc ms started rss
  echo "RESULT p5.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  for svc in "${BENCH_SERVICES[@]}"; do
    bstart "$svc"
    ms=$(bwait_ready "$svc")
    started=$(grep -o 'started in [0-9.]*s' "$BRUN/logs/$svc.log" | tail -n1 | grep -o '[0-9.]*' || echo "?")
    sleep 10
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/${BPID[$svc]}/status")
    echo "RESULT p5.$svc.ready_ms $ms" | tee -a "$RESULTS"
    echo "RESULT p5.$svc.quarkus_started_s $started" | tee -a "$RESULTS"
    echo "RESULT p5.$svc.rss_mib $(calc "$rss / 1024" 1)" | tee -a "$RESULTS"
    bsay "P5 $svc: ready after $ms ms (Quarkus: started in ${started}s), idle RSS $((rss / 1024)) MiB"
  done
}

# ---------------------------------------------------------------------------------------------
# P1 ingest: wrk (32 connections) against POST /api/v1/hazards, then the open loop at half that rate;
# reference pgbench, same 3 inserts
# ---------------------------------------------------------------------------------------------
p1_ingest() {
  bench_java counties --prefix P1 --count 10 --hazard-url "http://127.0.0.1:9182" >/dev/null
  if ! command -v wrk >/dev/null; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 || true
  fi
  if command -v wrk >/dev/null; then
    bench_java wrk-script --prefix P1 --count 10 --out "$BRUN/p1.lua" >/dev/null
    bsay "P1: warm-up ${P1_WARMUP}s, then ${P1_SECONDS}s at $P1_CLIENTS connections (wrk)"
    wrk -t2 -c"$P1_CLIENTS" -d"${P1_WARMUP}s" --timeout 10s -s "$BRUN/p1.lua" http://127.0.0.1:9182 >/dev/null
    echo "RESULT p1.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
    wrk -t2 -c"$P1_CLIENTS" -d"${P1_SECONDS}s" --timeout 10s --latency -s "$BRUN/p1.lua" http://127.0.0.1:9182 \
      | tee "$BRUN/p1-wrk.txt" | grep '^RESULT' | tee -a "$RESULTS"
    echo "RESULT p1.client wrk" >>"$RESULTS"
  else
    bsay "P1: wrk not available: the Java client"
    bench_java ingest --prefix P1 --count 10 --clients "$P1_CLIENTS" --seconds "$P1_WARMUP" >/dev/null
    bench_java ingest --prefix P1 --count 10 --clients "$P1_CLIENTS" --seconds "$P1_SECONDS"
    echo "RESULT p1.client java" >>"$RESULTS"
  fi
  p1_open_loop
  p1_reference
}

# P1 open loop: the same reports at a constant arrival rate, half of what the closed loop reached, each
# timed from when it was due (wrk2's correction): a stall the closed loop waits out shows in its p99 here
p1_open_loop() {
  local rate
  rate=$(calc "$(result p1.rps) / 2" 0)
  [[ $rate =~ ^[0-9]+$ ]] && ((rate >= 1)) || rate=1 # no closed-loop figure: still measured, at 1/s
  bsay "P1 open loop: ${P1_SECONDS}s at $rate/s (half the closed loop's $(calc "$(result p1.rps)" 0)/s), $P1_CLIENTS connections"
  echo "RESULT p1.open_load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  bench_java ingest-open --prefix P1 --count 10 --rate "$rate" --seconds "$P1_SECONDS" --connections "$P1_CLIENTS" \
    --warmup 5 --max-outstanding 2000
}

# The same three inserts as one report (hazard row, history row, outbox row, one transaction), with the
# texts and payloads hazard-service really wrote, on a scratch copy of its schema (pg_dump -s). The texts
# are pgbench variables (-D), so they travel as statement parameters, as the service's JDBC driver sends them.
p1_reference() {
  local db=${BDB[hazard-service]} script=$BRUN/p1-pgbench.sql out
  # as the owner: the runtime role may not read Flyway's history (least privilege), pg_dump locks every table
  PGPASSWORD=$DB_OWNER_PASSWORD pg_dump -s -h "$PG_HOST" -U "$DB_OWNER" "$db" |
    PGPASSWORD=$DB_OWNER_PASSWORD psql -X -q -h "$PG_HOST" -U "$DB_OWNER" -d "$REF_DB" >/dev/null
  local q="select h.description, h.location, h.recommended_measure, hh.payload::text, o.payload, o.type
             from hazard h join hazard_history hh on hh.hazard_id = h.id
             join outbox_event o on o.aggregateid = h.id::text where h.county_code like 'P1%' limit 1"
  local row desc loc measure hpayload opayload otype
  row=$(PGPASSWORD=$DB_PASSWORD psql -X -q -h "$PG_HOST" -U "$DB_USER" -d "$db" -tA -F $'\x1f' -c "$q")
  IFS=$'\x1f' read -r desc loc measure hpayload opayload otype <<<"$row"
  [[ -n $opayload ]] || die "P1 reference: no report of P1 found in ${db} to copy the payloads from"
  cat >"$script" <<'EOF2'
BEGIN;
INSERT INTO hazard (id, source, enterprise_credit_code, county_code, key_task, grade, description, location, recommended_measure, status, reported_at, due_at, version) VALUES (gen_random_uuid(), 'REGULATOR', '91P10000000000001X', 'P10001', 'THREE_ONES', 'GENERAL', :desc, :loc, :measure, 'OPEN', now(), now() + interval '30 days', 0) RETURNING id \gset
INSERT INTO audit_chain_head (trail, aggregate_id, seq) VALUES ('hazard_history', :id, 0) ON CONFLICT (trail, aggregate_id) DO UPDATE SET seq = audit_chain_head.seq RETURNING seq, hash;
WITH entry AS (INSERT INTO hazard_history (hazard_id, at, who, role, action, from_status, to_status, payload, hazard_version, seq, prev_hash, hash) VALUES (:id, now(), 'bench-agency-system', 'AGENCY_SYSTEM', 'REPORT', NULL, 'OPEN', :hpayload, 0, 1, NULL, md5(random()::text) || md5(random()::text)) RETURNING seq, hash) UPDATE audit_chain_head SET seq = (SELECT seq FROM entry), hash = (SELECT hash FROM entry) WHERE trail = 'hazard_history' AND aggregate_id = :id::text;
INSERT INTO outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload, occurred_at) VALUES (gen_random_uuid(), 'hazard', :id, :otype, 'hazard.events', :opayload, now());
COMMIT;
EOF2
  bsay "P1 reference: pgbench, $P1_CLIENTS clients, ${P1_SECONDS}s"
  out=$(PGPASSWORD=$DB_OWNER_PASSWORD pgbench -h "$PG_HOST" -U "$DB_OWNER" -n -M prepared -c "$P1_CLIENTS" -j 2 \
    -T "$P1_SECONDS" -D desc="$desc" -D loc="$loc" -D measure="$measure" -D hpayload="$hpayload" \
    -D opayload="$opayload" -D otype="$otype" -f "$script" "$REF_DB" 2>&1) || { echo "$out" >&2; die "pgbench failed"; }
  echo "$out" >"$BRUN/p1-pgbench.txt"
  echo "RESULT p1.ref_tps $(grep -oP 'tps = \K[0-9.]+' <<<"$out" | tail -n1)" | tee -a "$RESULTS"
  echo "RESULT p1.ref_latency_ms $(grep -oP 'latency average = \K[0-9.]+' <<<"$out")" | tee -a "$RESULTS"
}

# ---------------------------------------------------------------------------------------------
# P2 freshness: sustained reports, 201 -> the county.index record that counts the hazard
# ---------------------------------------------------------------------------------------------
p2_freshness() {
  # scoring starts at the end of hazard.events: P1's reports are not P2's backlog
  reset_group bench-scoring-service "${PREFIX}hazard.events"
  bstart scoring-service
  bwait_ready scoring-service >/dev/null
  local tag
  tag=$(printf 'F%X' $(($(date +%s) % 1048576)))   # fresh counties every run: H starts at 0
  bsay "P2: $P2_RATE reports/s for ${P2_SECONDS}s over $P2_COUNTIES fresh counties ($tag…)"
  echo "RESULT p2.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  bench_java freshness --prefix "$tag" --count "$P2_COUNTIES" --rate "$P2_RATE" --seconds "$P2_SECONDS" \
    --drain 30 --url http://127.0.0.1:9182
}

# ---------------------------------------------------------------------------------------------
# P3 rebuild: a seeded history on bench.hazard.events; ConsumerPerformance vs scoring's rebuild
# ---------------------------------------------------------------------------------------------
p3_rebuild() {
  # the rebuild is measured alone, as --rebuild does: hazard-service, left running from P1 and P2, counts and
  # walks the trails of the hundreds of thousands of hazards they reported on the same 2 cores, and
  # notification-service and inspection-service consume bench.hazard.events: left running, they would read the
  # million events seeded below on the same 2 cores while the reference and the rebuild are measured
  local svc
  for svc in inspection-service hazard-service scoring-service notification-service; do bstop "$svc"; done
  bsay "P3: publishing $P3_EVENTS hazard events"
  bench_java generate-events --events "$P3_EVENTS" --counties 100
  reset_group bench-scoring-service "${PREFIX}hazard.events"
  local total
  total=$("$JAVA" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "${PREFIX}hazard.events" 2>/dev/null |
    awk -F: '{ s += $3 } END { printf "%d\n", s }')
  bsay "P3 reference: ConsumerPerformance reading all $total records"
  local out
  out=$("$JAVA" -Xmx512m -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "${PREFIX}hazard.events" \
    --messages "$total" --timeout 60000 2>"$BRUN/p3-consumer-perf.err") || die "ConsumerPerformance failed (see $BRUN/p3-consumer-perf.err)"
  echo "$out" >"$BRUN/p3-consumer-perf.txt"
  # data line: start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.ms, fetch.ms, fetch.MB.sec, fetch.nMsg.sec
  echo "RESULT p3.ref_rate $(tail -n1 <<<"$out" | awk -F', *' '{ print $6 }')" | tee -a "$RESULTS"
  echo "RESULT p3.ref_records $(tail -n1 <<<"$out" | awk -F', *' '{ print $5 }')" | tee -a "$RESULTS"
  bstart scoring-service
  bwait_ready scoring-service >/dev/null
  # and the service's own start done: in the full run its dashboard reads county.index from the start (P2's
  # ~27,000 answers, 0.2-0.5 of a core for ~10 s) and took that from the rebuild beside it (RESULTS run 25)
  bquiet p3.rebuild
  echo "RESULT p3.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  bsay "P3: scoring-service rebuild"
  bench_java rebuild --url http://127.0.0.1:9183 --pid "${BPID[scoring-service]}" --timeout 1500 --warmup-rounds "$P3_WARMUP_ROUNDS"
  bstop scoring-service
}

# ---------------------------------------------------------------------------------------------
# P4 chase sweep: a million chases (COPY), a tenth due at once, webhooks to a local receiver
# ---------------------------------------------------------------------------------------------
p4_chase_sweep() {
  local svc
  for svc in inspection-service hazard-service scoring-service notification-service; do bstop "$svc"; done
  bsay "P4: seeding $P4_CHASES chases ($P4_WARMUP to warm the service up, in up to $P4_WARMUP_ROUNDS rounds, then $P4_READY measured)"
  bench_java chases-seed --chases "$P4_CHASES" --ready "$((P4_READY + P4_WARMUP))" --port "$WEBHOOK_PORT" \
    --jdbc "jdbc:postgresql://127.0.0.1:5432/${BDB[notification-service]}"
  reset_group bench-notification-service "${PREFIX}hazard.events"
  # The audit walk (platform AuditWatch: every chain re-hashed, every 5 minutes, first 1 minute after the start)
  # otherwise starts where the warm-up rounds end, every run: in the window each time, 5-7 % of its rate
  # (RESULTS run 30), where in service a 20-s stretch of sweeping meets a walk of a few seconds once in ~60.
  # Its first walk comes after the window instead; its cost is the walk's own (issue 12), not the sweep's.
  local saved_env=("${BENCH_ENV[@]}")
  BENCH_ENV+=(RECTIFY_AUDIT_VERIFY_DELAY=10m)
  bstart notification-service -Xmx512m
  BENCH_ENV=("${saved_env[@]}")
  bwait_ready notification-service >/dev/null
  echo "RESULT p4.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  bench_java chase-sweep --port "$WEBHOOK_PORT" --warmup "$P4_WARMUP" --warmup-rounds "$P4_WARMUP_ROUNDS" --pid "${BPID[notification-service]}" --timeout "$P4_TIMEOUT" --metrics-url http://127.0.0.1:9184/q/metrics \
    --jdbc "jdbc:postgresql://127.0.0.1:5432/${BDB[notification-service]}"
  jcmd "${BPID[notification-service]}" GC.heap_info >"$BRUN/p4-heap-info.txt" 2>&1 || true
  bstop notification-service
}

# ---------------------------------------------------------------------------------------------
# P6 register export: a million hazards (with two trail lines each when signed off) seeded by SQL into
# hazard-service's bench database, exported as CSV and as XLSX through the API while the service's heap
# is sampled; the reference is PostgreSQL's COPY … TO of the same rows (same joins, same order)
# ---------------------------------------------------------------------------------------------
P6_COPY_HAZARDS="copy (select h.id, h.county_code, c.name, h.enterprise_credit_code, e.name, h.source, h.key_task, h.grade,
    h.major_criterion, h.description, h.reported_at, h.due_at, h.status, h.plan_responsible_person, h.plan_measures,
    h.plan_funding_cny, h.plan_deadline, h.plan_contingency_plan, h.rejections, h.extensions, h.reopenings, h.signed_off_at,
    (select s.who from hazard_history s where s.id = (select max(s2.id) from hazard_history s2 where s2.hazard_id = h.id
        and s2.action = 'SIGN_OFF')), jsonb_array_length(h.rectification_evidence)
  from hazard h left join county c on c.code = h.county_code left join enterprise e on e.credit_code = h.enterprise_credit_code
  order by h.reported_at desc, h.id) to stdout with (format csv, header)"
P6_COPY_HISTORY="copy (select l.hazard_id, l.hazard_version, l.at, l.who, l.role, l.action, l.from_status, l.to_status, l.payload
  from hazard h join hazard_history l on l.hazard_id = h.id order by h.reported_at desc, h.id, l.id) to stdout with (format csv, header)"

p6_seed() { # tops the bench database up to P6_HAZARDS hazards
  local db=${BDB[hazard-service]} have
  have=$(psql_app "$db" "select count(*) from hazard")
  bsay "P6: seeding $((P6_HAZARDS - have)) hazards (the database holds $have)"
  psql_app "$db" "
    insert into county (code, name, city, province, registered_at)
      select 'X' || lpad(i::text, 5, '0'), '基准县' || i, 'Bench City ' || (i % 10), 'Bench Province', now()
        from generate_series(1, 100) i on conflict do nothing;
    insert into enterprise (credit_code, name, county_code, registered_at)
      select '91510000' || lpad(i::text, 10, '0'), '基准化工有限公司' || i, 'X' || lpad((i % 100 + 1)::text, 5, '0'), now()
        from generate_series(1, 10000) i on conflict do nothing;
    insert into hazard (id, source, enterprise_credit_code, county_code, key_task, grade, major_criterion, description, location,
                        status, reported_at, due_at, plan_responsible_person, plan_measures, plan_funding_cny, plan_deadline,
                        plan_contingency_plan, plan_submitted_at, rectification_evidence, rectification_submitted_at,
                        rejections, extensions, reopenings, signed_off_at, overdue_notified_due_at, version)
      select gen_random_uuid(), (array['EXPERT_INSPECTION','SELF_CHECK','REGULATOR'])[1 + i % 3],
             '91510000' || lpad((i % 10000 + 1)::text, 10, '0'), 'X' || lpad((i % 100 + 1)::text, 5, '0'),
             (array['THREE_ONES','EQUIPMENT_RUNNING_WITH_DEFECTS','FINE_CHEMICAL_FOUR_ZEROINGS','MAJOR_HAZARD_INSTALLATIONS',
                    'CHEMICAL_PARKS','RECTIFICATION_CLOSURE','OTHER'])[1 + i % 7],
             case when i % 10 = 0 then 'MAJOR' else 'GENERAL' end,
             case when i % 10 = 0 then 'MHC-' || lpad((1 + i % 20)::text, 2, '0') end,
             '储罐区法兰泄漏，垫片老化，需更换并加装泄漏检测 Leaking flange on the tank farm feed line #' || i, '二号装置 B 管廊',
             s.status, r.at, r.at + interval '30 days',
             case when s.status <> 'OPEN' then '王芳 厂长' end, case when s.status <> 'OPEN' then '更换垫片，加装泄漏检测仪' end,
             case when s.status <> 'OPEN' then 12000.50 end, case when s.status <> 'OPEN' then (r.at + interval '20 days')::date end,
             case when s.status <> 'OPEN' then '隔离管线，切换备用进料' end, case when s.status <> 'OPEN' then r.at + interval '1 day' end,
             case when s.status in ('PENDING_VERIFICATION','VERIFIED','SIGNED_OFF')
                  then '[{\"kind\":\"PHOTO\",\"uri\":\"https://files.rectify.local/e/1.jpg\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}]'::jsonb end,
             case when s.status in ('PENDING_VERIFICATION','VERIFIED','SIGNED_OFF') then r.at + interval '10 days' end,
             i % 2, 0, 0, case when s.status = 'SIGNED_OFF' then r.at + interval '12 days' end,
             case when s.status in ('OPEN','RECTIFYING') then r.at + interval '30 days' end, 3
        from generate_series(1, greatest($P6_HAZARDS - $have, 0)) i,
             lateral (select (array['OPEN','RECTIFYING','PENDING_VERIFICATION','VERIFIED','SIGNED_OFF'])[1 + i % 5] as status) s,
             lateral (select timestamptz '2024-01-01 08:00+08' + (i % 500000) * interval '60 seconds' as at) r;
    -- trail lines in chain order (seq, prev_hash); their hashes are stand-ins, not the canonical JSON's
    -- SHA-256, so these seeded chains do not verify: the export reads the lines, it never checks them.
    -- They have no chain heads (a million would be the next checkpoint's work during P6/P7), so nothing
    -- may append to them: the overdue ones (due in 2024) count as announced, or the overdue sweep would
    -- try to, every 30 s.
    insert into hazard_history (hazard_id, at, who, role, action, from_status, to_status, payload, hazard_version, seq, prev_hash, hash)
      select id, reported_at, 'bench-regulator', 'COUNTY_REGULATOR', 'REPORT', null, 'OPEN', '{\"source\":\"bench\"}'::jsonb, 1,
             1, null, encode(sha256(convert_to(h.id::text || ':1', 'UTF8')), 'hex')
        from hazard h where not exists (select 1 from hazard_history l where l.hazard_id = h.id);
    insert into hazard_history (hazard_id, at, who, role, action, from_status, to_status, payload, hazard_version, seq, prev_hash, hash)
      select id, signed_off_at, 'bench-county-regulator', 'COUNTY_REGULATOR', 'SIGN_OFF', 'VERIFIED', 'SIGNED_OFF', '{}'::jsonb, 3,
             2, encode(sha256(convert_to(h.id::text || ':1', 'UTF8')), 'hex'), encode(sha256(convert_to(h.id::text || ':2', 'UTF8')), 'hex')
        from hazard h where status = 'SIGNED_OFF'
         and not exists (select 1 from hazard_history l where l.hazard_id = h.id and l.action = 'SIGN_OFF');
    analyze hazard; analyze hazard_history;" >/dev/null
}

p6_copy() { # p6_copy <name> <copy statement>: PostgreSQL's own export of the same rows, to /dev/null
  local t0 t1 bytes
  t0=$(date +%s%N)
  bytes=$(PGPASSWORD=$DB_PASSWORD psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "${BDB[hazard-service]}" -c "$2" | wc -c)
  t1=$(date +%s%N)
  echo "RESULT $1.seconds $(calc "($t1 - $t0) / 1000000000" 3)" | tee -a "$RESULTS"
  echo "RESULT $1.bytes $bytes" | tee -a "$RESULTS"
}

p6_export() {
  local svc
  for svc in inspection-service scoring-service notification-service; do bstop "$svc"; done
  if [[ -z ${BPID[hazard-service]:-} ]]; then
    bstart hazard-service
    bwait_ready hazard-service >/dev/null
  fi
  p6_seed
  echo "RESULT p6.hazards $(psql_app "${BDB[hazard-service]}" "select count(*) from hazard")" | tee -a "$RESULTS"
  echo "RESULT p6.history_lines $(psql_app "${BDB[hazard-service]}" "select count(*) from hazard_history")" | tee -a "$RESULTS"
  echo "RESULT p6.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  # the service as `rectify up` starts it (SERVICE_JVM_OPTS: -Xmx256m), restarted so the heap starts clean
  bstop hazard-service
  bstart hazard-service
  bwait_ready hazard-service >/dev/null
  local url="http://127.0.0.1:${BPORT[hazard-service]}/api/v1/hazards/export"
  bench_java export --name p6.csv --url "$url?format=csv" --metrics-url "http://127.0.0.1:${BPORT[hazard-service]}/q/metrics"
  p6_copy p6.ref_csv "$P6_COPY_HAZARDS"
  bench_java export --name p6.xlsx --url "$url?format=xlsx" --metrics-url "http://127.0.0.1:${BPORT[hazard-service]}/q/metrics"
  p6_copy p6.ref_history "$P6_COPY_HISTORY"
  echo "RESULT p6.rss_mib $(calc "$(awk '/^VmHWM/ { print $2 }' "/proc/${BPID[hazard-service]}/status") / 1024" 1)" | tee -a "$RESULTS"
  bstop hazard-service
}

p6_table() {
  local csv ref xlsx refx
  csv=$(result p6.csv.seconds); ref=$(result p6.ref_csv.seconds)
  xlsx=$(result p6.xlsx.seconds); refx=$(calc "$ref + $(result p6.ref_history.seconds)" 3)
  printf '| P6 export CSV | %s hazards in %s s (%s MiB), first byte %s ms, heap %s → peak %s MiB of %s | COPY TO %s s | %s | heap flat, first byte before the last row | %s |\n' \
    "$(calc "$(result p6.hazards)" 0)" "$(calc "$csv" 1)" "$(calc "$(result p6.csv.bytes) / 1048576" 0)" "$(calc "$(result p6.csv.first_byte_ms)" 0)" \
    "$(calc "$(result p6.csv.heap_before_mib)" 0)" "$(calc "$(result p6.csv.heap_peak_mib)" 0)" "$(calc "$(result p6.csv.heap_max_mib)" 0)" \
    "$(calc "$ref" 1)" "$(calc "$csv / $ref" 2)" \
    "$(verdict "$(result p6.csv.heap_peak_mib) < $(result p6.csv.heap_max_mib) && $(result p6.csv.first_byte_ms) < 1000 * $csv / 2")"
  printf '| P6 export XLSX (+ %s trail lines) | %s s (%s MiB), first byte %s ms, heap %s → peak %s MiB of %s | COPY TO (hazards + trails) %s s | %s | heap flat, first byte before the last row | %s |\n' \
    "$(calc "$(result p6.history_lines)" 0)" "$(calc "$xlsx" 1)" "$(calc "$(result p6.xlsx.bytes) / 1048576" 0)" "$(calc "$(result p6.xlsx.first_byte_ms)" 0)" \
    "$(calc "$(result p6.xlsx.heap_before_mib)" 0)" "$(calc "$(result p6.xlsx.heap_peak_mib)" 0)" "$(calc "$(result p6.xlsx.heap_max_mib)" 0)" \
    "$(calc "$refx" 1)" "$(calc "$xlsx / $refx" 2)" \
    "$(verdict "$(result p6.xlsx.heap_peak_mib) < $(result p6.xlsx.heap_max_mib) && $(result p6.xlsx.first_byte_ms) < 1000 * $xlsx / 2")"
}

# P7 evidence uploads: 32 clients upload distinct 1 MiB photos to hazard-service (as `rectify up` starts
# it, restarted so the heap starts clean), then insert the same bytes into PostgreSQL directly.
p7_uploads() {
  local svc
  for svc in inspection-service scoring-service notification-service; do bstop "$svc"; done
  bstop hazard-service
  bstart hazard-service
  bwait_ready hazard-service >/dev/null
  echo "RESULT p7.load_before $(loadavg | cut -d' ' -f1)" >>"$RESULTS"
  bench_java uploads --name p7 --clients "$P7_CLIENTS" --seconds "$P7_SECONDS" \
    --url "http://127.0.0.1:${BPORT[hazard-service]}/api/v1/evidence" --metrics-url "http://127.0.0.1:${BPORT[hazard-service]}/q/metrics" \
    --jdbc "jdbc:postgresql://127.0.0.1:5432/${BDB[hazard-service]}"
  echo "RESULT p7.rss_mib $(calc "$(awk '/^VmHWM/ { print $2 }' "/proc/${BPID[hazard-service]}/status") / 1024" 1)" | tee -a "$RESULTS"
  bstop hazard-service
}

p7_table() {
  printf '| P7 evidence uploads | %s photos of 1 MiB/s (%s clients, %s in %s s, %s errors), heap %s → peak %s MiB of %s | PostgreSQL insert of the same bytes %s/s | %s | heap below its limit, 0 errors | %s |\n' \
    "$(calc "$(result p7.per_s)" 1)" "$P7_CLIENTS" "$(calc "$(result p7.uploads)" 0)" "$(calc "$(result p7.seconds)" 1)" "$(calc "$(result p7.errors)" 0)" \
    "$(calc "$(result p7.heap_before_mib)" 0)" "$(calc "$(result p7.heap_peak_mib)" 0)" "$(calc "$(result p7.heap_max_mib)" 0)" \
    "$(calc "$(result p7.ref_per_s)" 1)" "$(calc "$(result p7.per_s) / $(result p7.ref_per_s)" 2)" \
    "$(verdict "$(result p7.heap_peak_mib) < $(result p7.heap_max_mib) && $(result p7.errors) == 0")"
}

# P5's row, and each service's start (the JDK and AOT cache it used)
p5_table() {
  local svc worst_ms=0 worst_rss=0 ms rss wsvc rsvc
  for svc in "${BENCH_SERVICES[@]}"; do
    ms=$(result "p5.$svc.ready_ms"); rss=$(result "p5.$svc.rss_mib")
    if awk "BEGIN { exit !($ms > $worst_ms) }"; then worst_ms=$ms; wsvc=$svc; fi
    if awk "BEGIN { exit !($rss > $worst_rss) }"; then worst_rss=$rss; rsvc=$svc; fi
  done
  printf '| P5 footprint | slowest start %s ms (%s), largest idle RSS %s MiB (%s) | — | — | ≤ 3 s; ≤ 250 MiB | %s |\n' \
    "$worst_ms" "$wsvc" "$worst_rss" "$rsvc" "$(verdict "$worst_ms <= 3000 && $worst_rss <= 250")"
  printf '\nP5 per service (%s, %s, %s): ' "$SERVICE_JAVA" "$(aot_describe "$BRUN/apps/${BENCH_SERVICES[0]}")" "${SERVICE_JVM_OPTS[*]}"
  for svc in "${BENCH_SERVICES[@]}"; do
    printf '%s %s ms (Quarkus %ss) %s MiB; ' "$svc" "$(result "p5.$svc.ready_ms")" "$(result "p5.$svc.quarkus_started_s")" \
      "$(result "p5.$svc.rss_mib")"
  done
  printf '\n'
}

# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo SHORT; fi; }

p1_table() {
  local p1 p1ref p1p99 p1op99
  p1=$(result p1.rps); p1ref=$(result p1.ref_tps); p1p99=$(result p1.p99_ms); p1op99=$(result p1.open_p99_ms)
  printf '| P1 ingest | %s req/s, p50 %s / p95 %s / p99 %s ms (%s errors); open loop at %s/s: p50 %s / p95 %s / p99 %s ms (%s errors) | pgbench %s tps | %s | ≥ 0.5 × ref; p99 ≤ 50 ms closed and open loop | %s |\n' \
    "$(calc "$p1" 0)" "$(result p1.p50_ms)" "$(result p1.p95_ms)" "$p1p99" "$(result p1.errors)" \
    "$(calc "$(result p1.open_rate_target)" 0)" "$(result p1.open_p50_ms)" "$(result p1.open_p95_ms)" "$p1op99" \
    "$(calc "$(result p1.open_errors)" 0)" "$(calc "$p1ref" 0)" \
    "$(calc "$p1 / $p1ref" 2)" "$(verdict "$p1 >= 0.5 * $p1ref && $p1p99 <= 50 && $p1op99 <= 50")"
}
p2_table() {
  local p2p99 p2rate
  p2p99=$(result p2.freshness.p99_ms); p2rate=$(result p2.rate)
  printf '| P2 freshness | p50 %s / p95 %s / p99 %s ms at %s reports/s (%s unresolved) | — | — | p99 ≤ 1000 ms | %s |\n' \
    "$(result p2.freshness.p50_ms)" "$(result p2.freshness.p95_ms)" "$p2p99" "$(calc "$p2rate" 0)" "$(calc "$(result p2.unresolved)" 0)" \
    "$(verdict "$p2p99 <= 1000 && $(result p2.unresolved) == 0")"
}
p3_table() {
  local p3 p3ref
  p3=$(result p3.rate); p3ref=$(result p3.ref_rate)
  printf '| P3 rebuild | %s events/s (%s events in %s s; the JIT compiler took %s of a core) | ConsumerPerformance %s records/s | %s | ≥ 0.3 × ref | %s |\n' \
    "$(calc "$p3" 0)" "$(calc "$(result p3.events)" 0)" "$(result p3.seconds)" "$(calc "$(result p3.jit_cores)+0" 2)" "$(calc "$p3ref" 0)" "$(calc "$p3 / $p3ref" 3)" \
    "$(verdict "$p3 >= 0.3 * $p3ref")"
}
p4_table() {
  local p4 p4heap p4dup p4due p4del
  p4=$(result p4.rate); p4heap=$(result p4.heap_peak_mib); p4dup=$(result p4.duplicates)
  p4due=$(result p4.due); p4del=$(result p4.delivered)
  printf '| P4 chase sweep | %s deliveries/s (%s of %s in %s s after %s warm-up rounds; the JIT compiler took %s of a core), heap peak %s MiB, %s duplicates | — | — | ≥ 5000/s, ≤ 512 MiB, 0 dup | %s |\n' \
    "$(calc "$p4" 0)" "$(calc "$p4del" 0)" "$(calc "$p4due" 0)" "$(result p4.seconds)" "$(calc "$(result p4.warmup_rounds)+0" 0)" \
    "$(calc "$(result p4.jit_cores)+0" 2)" "$(calc "$p4heap" 0)" "$(calc "$p4dup" 0)" \
    "$(verdict "$p4 >= 5000 && $p4heap <= 512 && $p4dup == 0 && $p4del == $p4due")"
}

print_table() {
  {
    printf '| benchmark | project figure | reference (same run) | ratio | bar | verdict |\n'
    printf '|---|---|---|---|---|---|\n'
    p1_table
    p2_table
    p3_table
    p4_table
    p5_table
    printf 'load average at start %s, before P1/P2/P3/P4: %s / %s / %s / %s, at end %s\n' "$(result load.start)" \
      "$(result p1.load_before)" "$(result p2.load_before)" "$(result p3.load_before)" "$(result p4.load_before)" "$(loadavg)"
    if [[ -n $(result p6.csv.seconds) ]]; then p6_table; fi
    if [[ -n $(result p7.per_s) ]]; then p7_table; fi
    if ((QUICK)); then printf '(--quick: small sizes, the verdicts are not the bar)\n'; fi
  } | tee "$TABLE"
}

# run_alone <id> <run function> <table function> <t0>: one benchmark by itself (--export, --uploads)
run_alone() {
  local id=$1 id_upper=${1^^}
  "$2"
  bsay "$id_upper done in $((SECONDS - $4)) s"
  { printf '| benchmark | project figure | reference (same run) | ratio | bar | verdict |\n|---|---|---|---|---|---|\n'; "$3"
    printf 'load average before %s %s, at end %s\n' "$id_upper" "$(result "$id.load_before")" "$(loadavg)"; } | tee "$TABLE"
}

# ---------------------------------------------------------------------------------------------
main_bench() {
  # one bench at a time on a machine: the runs share ports, databases, topics and .run/bench
  exec 9>"${TMPDIR:-/tmp}/rectify-bench.lock"
  if ! flock -n 9; then bsay "another bench run holds the lock: waiting"; flock 9; fi
  mkdir -p "$BRUN"
  : >"$RESULTS"
  echo "RESULT load.start $(loadavg | tr ' ' '/')" >>"$RESULTS"
  echo "RESULT commit $(git -C "$REPO" rev-parse --short HEAD)" >>"$RESULTS"
  local t0=$SECONDS
  # infra-up waits for the launcher's lock, which a developer's `rectify up` holds while it builds:
  # only call it when something is missing
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && port_open "$KAFKA_HOST" "$KAFKA_PORT" && [[ -f $KAFKA_LIBS/.complete ]]; then
    bsay "PostgreSQL and Kafka are up"
  else
    "$REPO/deploy/local/rectify" infra-up >&2
  fi
  build_if_missing
  snapshot_apps
  reset_databases
  bench_java topics --prefix "$PREFIX" --reset
  if ((ONLY_EXPORT)); then run_alone p6 p6_export p6_table "$t0"; return; fi
  if ((ONLY_UPLOADS)); then run_alone p7 p7_uploads p7_table "$t0"; return; fi
  # one of P1/P3/P4 alone, to work on it: services without their AOT cache (start-up is not measured),
  # unless BENCH_AOT=1 (trained first, as the full run starts them)
  if [[ -n $ONLY && ${BENCH_AOT:-0} == 1 ]]; then aot_train_bench; fi
  case $ONLY in
    p1) bstart hazard-service; bwait_ready hazard-service >/dev/null; run_alone p1 p1_ingest p1_table "$t0"; return ;;
    p2) bstart hazard-service; bwait_ready hazard-service >/dev/null; run_alone p2 p2_freshness p2_table "$t0"; return ;;
    p3) run_alone p3 p3_rebuild p3_table "$t0"; return ;;
    p4) run_alone p4 p4_chase_sweep p4_table "$t0"; return ;;
  esac
  aot_train_bench
  if ((ONLY_FOOTPRINT)); then run_alone p5 p5_footprint p5_table "$t0"; return; fi
  p5_footprint
  # P1 measures the ingest path alone, as --ingest does: inspection-service consumes hazard.events too
  # (the debrief feeds) and, on the same 2 cores, cost P1 a third of its rate (RESULTS run 17)
  bstop inspection-service
  bstop scoring-service
  bstop notification-service
  bquiet p1
  p1_ingest
  bquiet p2
  p2_freshness
  bquiet p3
  p3_rebuild
  bquiet p4
  p4_chase_sweep
  p6_export
  p7_uploads
  bsay "all benchmarks done in $((SECONDS - t0)) s"
  print_table
}

# `source bench/run.sh` (profiling sessions) defines everything without running the benchmarks
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main_bench
fi
