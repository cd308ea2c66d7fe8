#!/usr/bin/env bash
# inspection-service/e2e/two-findings-two-hazards.sh — end to end with hazard-service running:
# completing an inspection with two findings creates exactly two hazards.
#
# Needs inspection-service and hazard-service running against the same Kafka (e.g. `deploy/local/rectify up`),
# plus curl and jq. Everything it creates has fresh identifiers, so it can run against a stack in use.
#
#   INSPECTION_URL   default http://127.0.0.1:8081
#   HAZARD_URL       default http://127.0.0.1:8082
#   WAIT_SECONDS     how long to wait for the hazards (default 60)
#
# Exit 0 when hazard-service holds exactly the two hazards (one per finding, right grades), 1 otherwise.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
MINT="$REPO/deploy/local/mint-token"
INSPECTION_URL=${INSPECTION_URL:-http://127.0.0.1:8081}
HAZARD_URL=${HAZARD_URL:-http://127.0.0.1:8082}
WAIT_SECONDS=${WAIT_SECONDS:-60}

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

# The GB 32100-2015 check character (same rule as io.rectify.contracts.CreditCode).
CHARSET=0123456789ABCDEFGHJKLMNPQRTUWXY
WEIGHTS=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
credit_code() {
  local first17=$1 sum=0 i c v
  for ((i = 0; i < 17; i++)); do
    c=${first17:i:1}; v=${CHARSET%%"$c"*}; v=${#v}
    sum=$((sum + v * WEIGHTS[i]))
  done
  local check=$((31 - sum % 31)); ((check == 31)) && check=0
  echo "$first17${CHARSET:check:1}"
}
random_chars() { # n characters of the credit-code charset
  local out="" i
  for ((i = 0; i < $1; i++)); do out+=${CHARSET:RANDOM % 31:1}; done
  echo "$out"
}

# call METHOD URL TOKEN [BODY] — prints the body; fails unless the status is 2xx
call() {
  local method=$1 url=$2 token=$3 body=${4:-} out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$url" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' ${body:+--data "$body"})
  if [[ $status != 2* ]]; then
    cat "$out" >&2; echo >&2; rm -f "$out"
    fail "$method $url answered $status"
  fi
  cat "$out"; rm -f "$out"
}

command -v jq >/dev/null || fail "jq is required"
curl -fsS "$INSPECTION_URL/q/health/ready" >/dev/null || fail "inspection-service is not ready at $INSPECTION_URL"
curl -fsS "$HAZARD_URL/q/health/ready" >/dev/null || fail "hazard-service is not ready at $HAZARD_URL"

ADMIN=$("$MINT" ADMIN sub=e2e-admin)
EXPERT_SUBJECT="e2e-expert-$(date +%s)-$RANDOM"
EXPERT=$("$MINT" EXPERT sub="$EXPERT_SUBJECT")
COUNTY="E2E$(random_chars 7)"
ENTERPRISE=$(credit_code "91510781MA6$(random_chars 6)")
# upload FILE TYPE — a file as evidence (POST /api/v1/evidence as the expert); prints its id
upload() {
  curl -fsS -X POST "$INSPECTION_URL/api/v1/evidence" -H "Authorization: Bearer $EXPERT" -H "Content-Type: $2" \
    --data-binary "@$1" | jq -r .id
}

step "county $COUNTY, enterprise $ENTERPRISE"
call POST "$INSPECTION_URL/api/v1/counties" "$ADMIN" \
  "{\"code\":\"$COUNTY\",\"name\":\"端到端测试县\",\"city\":\"绵阳市\",\"province\":\"四川省\",\"tier\":\"LEAD\",\"status\":\"KEY\"}" >/dev/null
call POST "$INSPECTION_URL/api/v1/enterprises" "$ADMIN" \
  "{\"creditCode\":\"$ENTERPRISE\",\"name\":\"端到端化工有限公司\",\"countyCode\":\"$COUNTY\",\"fineChemical\":true,\"majorHazardInstallationGrade\":2}" >/dev/null
EXPERT_ID=$(call POST "$INSPECTION_URL/api/v1/experts" "$ADMIN" \
  "{\"name\":\"E2E expert\",\"specialties\":[\"process safety\"],\"subject\":\"$EXPERT_SUBJECT\"}" | jq -r .id)

step "schedule, start, consent, two findings, complete"
INSPECTION=$(call POST "$INSPECTION_URL/api/v1/inspections" "$EXPERT" \
  "{\"enterpriseCreditCode\":\"$ENTERPRISE\",\"expertIds\":[\"$EXPERT_ID\"],\"scheduledOn\":\"$(date +%F)\",\"mode\":\"CENTRALISED\",\"keyTasks\":[\"MAJOR_HAZARD_INSTALLATIONS\"]}" | jq -r .id)
call POST "$INSPECTION_URL/api/v1/inspections/$INSPECTION/start" "$EXPERT" >/dev/null
call POST "$INSPECTION_URL/api/v1/inspections/$INSPECTION/consents" "$EXPERT" \
  '{"scope":"CONTROL_SYSTEM_DATA","grantedBy":"张伟 (安全总监)"}' >/dev/null
FILE=$(mktemp)
printf '%%PDF-1.4\n%% e2e evidence %s\n%%%%EOF\n' "$(date +%s%N)" >"$FILE"
DOC_ID=$(upload "$FILE" application/pdf)
DCS_ID=$(upload "$FILE" application/pdf)
rm -f "$FILE"
GENERAL=$(call POST "$INSPECTION_URL/api/v1/inspections/$INSPECTION/findings" "$EXPERT" \
  "{\"keyTask\":\"MAJOR_HAZARD_INSTALLATIONS\",\"grade\":\"GENERAL\",\"description\":\"巡检记录不完整\",\"rectificationDays\":30,\"evidence\":[{\"kind\":\"DOCUMENT\",\"evidenceId\":\"$DOC_ID\"}]}" | jq -r .id)
MAJOR=$(call POST "$INSPECTION_URL/api/v1/inspections/$INSPECTION/findings" "$EXPERT" \
  "{\"keyTask\":\"MAJOR_HAZARD_INSTALLATIONS\",\"grade\":\"MAJOR\",\"majorCriterion\":\"MHC-05\",\"description\":\"一级重大危险源罐区未实现紧急切断\",\"rectificationDays\":60,\"evidence\":[{\"kind\":\"CONTROL_SYSTEM_DATA\",\"evidenceId\":\"$DCS_ID\"}]}" | jq -r .id)
call POST "$INSPECTION_URL/api/v1/inspections/$INSPECTION/complete" "$EXPERT" '{"summary":"e2e"}' | jq -e '.status == "COMPLETED"' >/dev/null \
  || fail "the inspection did not complete"
echo "inspection $INSPECTION completed with findings $GENERAL (GENERAL) and $MAJOR (MAJOR)"

step "waiting up to ${WAIT_SECONDS}s for hazard-service"
hazards() { call GET "$HAZARD_URL/api/v1/hazards?enterprise=$ENTERPRISE&size=50" "$ADMIN"; }
deadline=$((SECONDS + WAIT_SECONDS))
until [[ $(hazards | jq .total) -ge 2 ]]; do
  ((SECONDS < deadline)) || fail "hazard-service has $(hazards | jq .total) hazards for $ENTERPRISE after ${WAIT_SECONDS}s"
  sleep 1
done
sleep 3 # a duplicate would show up right behind the first two
RESULT=$(hazards)
[[ $(jq .total <<<"$RESULT") == 2 ]] || fail "expected exactly 2 hazards, found $(jq .total <<<"$RESULT")"
[[ $(jq -r '[.items[].findingId] | sort | join(" ")' <<<"$RESULT") == "$(printf '%s\n' "$GENERAL" "$MAJOR" | sort | paste -sd' ')" ]] \
  || fail "the hazards do not come from the two findings: $(jq -c '[.items[] | {findingId, grade}]' <<<"$RESULT")"
[[ $(jq -r --arg f "$MAJOR" '.items[] | select(.findingId == $f) | "\(.grade) \(.majorCriterion) \(.inspectionId)"' <<<"$RESULT") == "MAJOR MHC-05 $INSPECTION" ]] \
  || fail "the major finding's hazard is wrong: $(jq -c '.items' <<<"$RESULT")"
[[ $(jq -r --arg f "$GENERAL" '.items[] | select(.findingId == $f) | .grade' <<<"$RESULT") == "GENERAL" ]] \
  || fail "the general finding's hazard is wrong"
echo "PASS: 2 findings confirmed -> exactly 2 hazards in hazard-service:"
jq -r '.items[] | "  hazard \(.id)  \(.grade)  finding \(.findingId)  status \(.status)  due \(.dueAt)"' <<<"$RESULT"
