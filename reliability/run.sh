#!/usr/bin/env bash
# reliability/run.sh — the one command for the slow reliability scenarios.
#
#   reliability/run.sh [R1] [R2] [R3]     (all three when none is named)
#   reliability/run.sh R7                 two instances of every service, kill -9 and a rolling restart
#   reliability/run.sh R8                 R1 on the secured broker (TLS, SCRAM-SHA-512, ACLs)
#
# The stack's shape follows the scenarios named: R7 runs every named scenario on two instances of each
# service (RELIABILITY_REPLICAS=2, or more if set), R8 on the secured broker (RELIABILITY_SECURE=1).
# Builds the services and the suite from a snapshot of HEAD (commit first: uncommitted changes are not
# tested), starts a completely separate stack (PostgreSQL 127.0.0.1:5433, Kafka 127.0.0.1:29092,
# services 127.0.0.1:9281-9284; the shared stack on 5432/9092/8081-8084 is never touched), runs the
# scenarios, prints their figures, stops the stack and exits with the suite's code (0 all passed,
# 1 a violation, 2 the suite could not run). The full output is also kept in
# .run/reliability/last-run.txt. Tuning: JAVA_OPTS, e.g. "-Dreliability.rate=100" (see README.md).
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
RUN=${RELIABILITY_RUN_DIR:-$REPO/.run/reliability}
STACK=$HERE/stack.sh
mkdir -p "$RUN"

# Kafka's jars come from deploy/local's run folder; fetch them once if this machine never ran infra-up
if [[ ! -f $REPO/.run/kafka/libs/.complete ]]; then
  "$REPO/deploy/local/rectify" infra-up
fi

for s in "$@"; do
  case ${s^^} in
    R7) export RELIABILITY_REPLICAS=${RELIABILITY_REPLICAS:-2}; ((RELIABILITY_REPLICAS >= 2)) || RELIABILITY_REPLICAS=2 ;;
    R8) export RELIABILITY_SECURE=1 ;;
  esac
done
SUITE_OPTS=()
if [[ ${RELIABILITY_REPLICAS:-1} -ge 2 ]]; then
  # eight service JVMs share the machine (2 cores here): a lower rate and a longer warm-up, unless JAVA_OPTS says
  [[ ${JAVA_OPTS:-} == *reliability.rate* ]] || SUITE_OPTS+=("-Dreliability.rate=30")
  [[ ${JAVA_OPTS:-} == *reliability.warm-up* ]] || SUITE_OPTS+=("-Dreliability.warm-up=PT40S")
fi
if [[ ${RELIABILITY_SECURE:-0} == 1 ]]; then
  # the suite reads the topics and consumer groups as the broker's admin user
  SUITE_OPTS+=("-Dreliability.kafka-properties=$RUN/kafka-secure/admin.properties")
fi

"$STACK" build
trap '"$STACK" down || true' EXIT INT TERM
"$STACK" up

set +e
{
  echo "# reliability run $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$REPO" rev-parse --short HEAD)"
  echo "# machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# stack: ${RELIABILITY_REPLICAS:-1} instance(s) of each service, $([[ ${RELIABILITY_SECURE:-0} == 1 ]] && echo 'secured broker (SASL_SSL, SCRAM-SHA-512, ACLs)' || echo 'plaintext broker')"
  java -Xmx768m ${JAVA_OPTS:-} "${SUITE_OPTS[@]}" -Drectify.root="$REPO" -jar "$RUN/apps/reliability/reliability.jar" "$@"
  echo "# exit $?"
} 2>&1 | tee "$RUN/last-run.txt"
code=$(tail -n1 "$RUN/last-run.txt" | sed -n 's/^# exit //p')
exit "${code:-2}"
