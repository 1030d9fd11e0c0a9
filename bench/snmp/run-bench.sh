#!/usr/bin/env bash
# run-bench.sh - the multihome SNMP agent side by side with net-snmp snmpd, same run, same
# namespace (64 interfaces from /work/shared/bench/snmp-netns.sh), same client
# (/work/shared/bench/snmp-bench.sh). Run as root from the repository root after
#   mvn -q -B -o -pl service/snmp test-compile dependency:build-classpath \
#       -Dmdep.outputFile=/tmp/snmp-cp.txt -Dmdep.includeScope=test
# Env: BENCH [/work/shared/bench]  NS [anchors-snmp64]  JAVA [temurin 25]  REPS [5]  GETS [500]
#      MAXREPS ["10 50"]  ROUNDS [15]  V3ROUNDS [30]  OUT [/tmp/mh-snmp-bench.jsonl]
# Our agent: net.multihome.snmp.bench.BenchAgent (test code) on 127.0.0.1:10171 in the
# namespace, fed over netlink every second as the daemon feeds it; snmpd on 127.0.0.1:10161.
set -euo pipefail
BENCH="${BENCH:-/work/shared/bench}"
NS="${NS:-anchors-snmp64}"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
REPS="${REPS:-5}" GETS="${GETS:-500}" MAXREPS="${MAXREPS:-10 50}"
OUT="${OUT:-/tmp/mh-snmp-bench.jsonl}"
CP="service/snmp/target/classes:service/snmp/target/test-classes:$(cat /tmp/snmp-cp.txt)"
STATE=$(mktemp -d /tmp/mh-snmp-bench.XXXXXX)
FIFO="$STATE/stdin"
AGENT_PID=""

cleanup() {
  exec 3>&- 2>/dev/null || true                     # closing stdin stops BenchAgent
  if [[ -n "$AGENT_PID" ]]; then
    for _ in $(seq 1 50); do kill -0 "$AGENT_PID" 2>/dev/null || break; sleep 0.1; done
    kill "$AGENT_PID" 2>/dev/null || true
  fi
  SNMPD_NETNS="$NS" "$BENCH/snmpd-up.sh" stop || true
  SNMP_NETNS="$NS" "$BENCH/snmp-netns.sh" down || true
  rm -rf "$STATE"
}
trap cleanup EXIT

# its status listing ends in `| head -5` under pipefail, which can exit 141 (SIGPIPE) after
# the namespace is complete: check the namespace instead of the exit code
SNMP_NETNS="$NS" SNMP_NIFS=64 "$BENCH/snmp-netns.sh" up || true
[[ $(ip netns exec "$NS" ip -o link show | wc -l) -eq 65 ]] || { echo "namespace $NS is not complete" >&2; exit 1; }
SNMPD_NETNS="$NS" "$BENCH/snmpd-up.sh" start >/dev/null

mkfifo "$FIFO"
ip netns exec "$NS" "$JAVA" -Xms256m -Xmx256m -cp "$CP" net.multihome.snmp.bench.BenchAgent 10171 "$STATE/agent" \
  <"$FIFO" >"$STATE/agent.log" 2>&1 &
AGENT_PID=$!
exec 3>"$FIFO"
for _ in $(seq 1 100); do grep -q READY "$STATE/agent.log" && break; sleep 0.1; done
grep -q READY "$STATE/agent.log" || { cat "$STATE/agent.log"; echo "agent did not start" >&2; exit 1; }

# warm both agents (the JIT of ours above all) with the same walks
for port in 10161 10171; do
  for table in 1.3.6.1.2.1.2.2 1.3.6.1.2.1.31.1.1; do
    for maxrep in $MAXREPS; do
      ip netns exec "$NS" python3 "$BENCH/snmp_v2c_loop.py" bulkwalk 127.0.0.1 "$port" public "$table" 40 "$maxrep" 2 >/dev/null
    done
  done
  ip netns exec "$NS" python3 "$BENCH/snmp_v2c_loop.py" get 127.0.0.1 "$port" public 1.3.6.1.2.1.1.3.0 5000 2 2c >/dev/null
  for _ in $(seq 1 15); do
    ip netns exec "$NS" env MIBS= SNMP_PERSISTENT_DIR="$STATE/client" timeout 60 snmpbulkwalk -v3 -l authPriv -u anchorv3 \
      -a SHA-256 -A anchor-auth-pass -x AES -X anchor-priv-pass -Cr10 "udp:127.0.0.1:$port" .1.3.6.1.2.1.31.1.1 >/dev/null
  done
done

: >"$OUT"
for maxrep in $MAXREPS; do
  for table in 1.3.6.1.2.1.2.2 1.3.6.1.2.1.31.1.1; do
    for who in snmpd:10161 multihome:10171; do
      "$BENCH/snmp-bench.sh" -q -N "$NS" -r "$REPS" -n "$GETS" -R "$maxrep" -L "${who%%:*} $table maxrep=$maxrep" \
        -j "$OUT" "127.0.0.1:${who##*:}" "$table" -v2c -c public || echo "snmp-bench reported a failure for $who $table" >&2
    done
  done
done
# interleaved: this machine is shared, so alternate the two agents ROUNDS times with short
# in-process walk series and compare medians over rounds (snmp_v2c_loop.py, no process start)
for round in $(seq 1 "${ROUNDS:-15}"); do
  for maxrep in $MAXREPS; do
    for table in 1.3.6.1.2.1.2.2 1.3.6.1.2.1.31.1.1; do
      for who in snmpd:10161 multihome:10171; do
        read -r _ vbs _ med _ < <(ip netns exec "$NS" python3 "$BENCH/snmp_v2c_loop.py" bulkwalk 127.0.0.1 "${who##*:}" \
          public "$table" 5 "$maxrep" 2)
        echo "{\"interleaved\":true,\"agent\":\"${who%%:*}\",\"root\":\"$table\",\"maxrep\":$maxrep,\"round\":$round,\"varbinds\":$vbs,\"median_ms\":$med}" >>"$OUT"
      done
    done
    for who in snmpd:10161 multihome:10171; do
      read -r _ gmed gp99 _ < <(ip netns exec "$NS" python3 "$BENCH/snmp_v2c_loop.py" get 127.0.0.1 "${who##*:}" \
        public 1.3.6.1.2.1.1.3.0 200 2 2c)
      echo "{\"interleaved\":true,\"agent\":\"${who%%:*}\",\"get\":true,\"round\":$round,\"median_us\":$gmed,\"p99_us\":$gp99}" >>"$OUT"
    done
  done
done
# v3 authPriv bulkwalk of ifXTable, interleaved: one snmpbulkwalk process per agent and round
# (each does its engine discovery, as a poller does), wall time per walk
v3walk() {
  ip netns exec "$NS" env MIBS= SNMP_PERSISTENT_DIR="$STATE/client" timeout 60 snmpbulkwalk -v3 -l authPriv -u anchorv3 \
    -a SHA-256 -A anchor-auth-pass -x AES -X anchor-priv-pass -Cr10 "udp:127.0.0.1:$1" .1.3.6.1.2.1.31.1.1
}
for round in $(seq 1 "${V3ROUNDS:-30}"); do
  for who in snmpd:10161 multihome:10171; do
    start=$(date +%s%N)
    vbs=$(v3walk "${who##*:}" | wc -l)
    ms=$((($(date +%s%N) - start) / 1000000))
    echo "{\"interleaved\":true,\"v3\":true,\"agent\":\"${who%%:*}\",\"round\":$round,\"varbinds\":$vbs,\"ms\":$ms}" >>"$OUT"
  done
done
echo "results: $OUT"
