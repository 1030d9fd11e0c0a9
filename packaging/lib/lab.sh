#!/usr/bin/env bash
# The demo lab: simulated providers in network namespaces of their own, and the multihome daemon
# running in the lab router's namespace. Lab tooling only: the daemon itself never runs `ip`.
#
#   mhlab-lan ── eth0 [mhlab-router] if1 ── wan1 [mhlab-isp1] up1 ── i1 ┐
#                                    if2 ── wan2 [mhlab-isp2] up2 ── i2 ┼ [mhlab-inet] 192.0.2.1
#                                    if3 ── wan3 [mhlab-isp3] up3 ── i3 ┘
#
# The default configuration (examples/lab.xml) uses isp1 and isp2 as the recipe does; isp3 is
# there for configurations with three providers (MULTIHOME_LAB_FACTORY picks another file).
# Addresses are the seed recipe's (documentation ranges, only inside these namespaces).
set -euo pipefail

# Tests run their own lab beside a person's by setting these.
prefix=${MULTIHOME_LAB_PREFIX:-mhlab}
run_dir=${MULTIHOME_LAB_RUN_DIR:-/run/multihome-lab}
rt_tables=${MULTIHOME_LAB_RT_TABLES:-/etc/iproute2/rt_tables.d/multihome.conf}
rt_protos=${MULTIHOME_LAB_RT_PROTOS:-/etc/iproute2/rt_protos.d/multihome.conf}
# The router's NETCONF (830), SNMP (161) and metrics (9813) servers, reachable from the host's
# loopback through socat (no route or interface is added to the host); 0 switches a forwarder off.
netconf_port=${MULTIHOME_LAB_NETCONF_PORT:-8830}
snmp_port=${MULTIHOME_LAB_SNMP_PORT:-1161}
metrics_port=${MULTIHOME_LAB_METRICS_PORT:-9813}
namespaces=("$prefix-lan" "$prefix-router" "$prefix-isp1" "$prefix-isp2" "$prefix-isp3" "$prefix-inet")
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# The package test runs the installed daemon through a wrapper that drops to its user.
launcher=${MULTIHOME_LAB_LAUNCHER:-$here/../bin/multihome}
factory=${MULTIHOME_LAB_FACTORY:-$here/../examples/lab.xml}

die() { echo "multihome lab: $*" >&2; exit 1; }
in_ns() { local ns=$1; shift; ip netns exec "$prefix-$ns" "$@"; }
exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }

# Polls a condition every 100 ms for at most $1 seconds.
wait_for() {
    local seconds=$1; shift
    local tries=$((seconds * 10))
    for ((i = 0; i < tries; i++)); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    return 1
}

daemon_running() { [ -f "$run_dir/daemon.pid" ] && kill -0 "$(cat "$run_dir/daemon.pid")" 2>/dev/null; }

veth() { # veth NS1 IF1 NS2 IF2
    ip link add "$2" netns "$prefix-$1" type veth peer name "$4" netns "$prefix-$3"
    in_ns "$1" ip link set "$2" up
    in_ns "$3" ip link set "$4" up
}

build() {
    [ "$(id -u)" -eq 0 ] || die "needs root (it creates network namespaces)"
    for ns in "${namespaces[@]}"; do ip netns add "$ns"; done
    for ns in "${namespaces[@]}"; do
        ip netns exec "$ns" ip link set lo up
        ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
    done
    veth lan lan0 router eth0
    veth router if1 isp1 wan1
    veth router if2 isp2 wan2
    veth isp1 up1 inet i1
    veth isp2 up2 inet i2
    veth router if3 isp3 wan3
    veth isp3 up3 inet i3

    in_ns lan ip addr add 198.51.100.10/26 dev lan0
    in_ns lan ip route add default via 198.51.100.1
    in_ns router ip addr add 198.51.100.1/26 dev eth0
    in_ns router ip addr add 203.0.113.2/26 dev if1
    in_ns router ip addr add 203.0.113.66/26 dev if2
    in_ns router ip addr add 203.0.113.130/26 dev if3
    for n in 1 2 3; do restore_provider "$n"; done
    in_ns inet ip addr add 100.64.1.2/30 dev i1
    in_ns inet ip addr add 100.64.2.2/30 dev i2
    in_ns inet ip addr add 100.64.3.2/30 dev i3
    in_ns inet ip addr add 192.0.2.1/32 dev lo
    in_ns inet ip route add 203.0.113.0/26 via 100.64.1.1
    in_ns inet ip route add 203.0.113.64/26 via 100.64.2.1
    in_ns inet ip route add 203.0.113.128/26 via 100.64.3.1
    # The LAN is masqueraded by the router, as in the recipe ("if it is masqueraded").
    if command -v nft >/dev/null; then
        in_ns router nft -f - <<'NFT'
table ip mhlab {
    chain postrouting {
        type nat hook postrouting priority srcnat;
        oifname { "if1", "if2", "if3" } ip saddr 198.51.100.0/26 masquerade
    }
}
NFT
    fi
}

# Provider N: gateway 203.0.113.(64*(N-1)+1)/26 on wanN, uplink 100.64.N.1/30 to the Internet host.
restore_provider() {
    local n=$1
    in_ns "isp$n" nft delete table netdev mhlab_farside 2>/dev/null || true
    in_ns router ip link set "if$n" up
    in_ns "isp$n" ip link set "wan$n" up
    in_ns "isp$n" ip link set "up$n" up
    in_ns "isp$n" ip addr replace "203.0.113.$((64 * (n - 1) + 1))/26" dev "wan$n"
    in_ns "isp$n" ip addr replace "100.64.$n.1/30" dev "up$n"
    in_ns "isp$n" ip route replace default via "100.64.$n.2"
}

start_daemon() {
    mkdir -p "$run_dir/state"
    mkdir -p "$(dirname "$rt_protos")"
    cp "$here/../iproute2/rt_protos.d/multihome.conf" "$rt_protos"
    readies_before=$(ready_count)
    ip netns exec "$prefix-router" setsid "$launcher" daemon --state-dir "$run_dir/state" \
        --factory-config "$factory" --runtime-dir "$run_dir" --rt-tables "$rt_tables" >>"$run_dir/daemon.log" 2>&1 </dev/null &
    echo $! >"$run_dir/daemon.pid"
    if ! wait_for 30 daemon_ready; then
        tail -20 "$run_dir/daemon.log" >&2
        die "the daemon did not finish its first reconcile pass within 30 s (log: $run_dir/daemon.log)"
    fi
}

# The daemon logs "ready:" once its first reconcile pass is done and its servers listen; the
# log is appended to across restarts, so this start's "ready" is one more than before it.
ready_count() {
    if [ -f "$run_dir/daemon.log" ]; then grep -c "ready: first reconcile pass" "$run_dir/daemon.log" || true; else echo 0; fi
}
daemon_ready() { daemon_running && [ "$(ready_count)" -gt "$readies_before" ]; }

start_forwarders() {
    if ! command -v socat >/dev/null; then
        echo "note: socat is not installed; NETCONF, SNMP and metrics are reachable only inside $prefix-router" >&2
        return
    fi
    local router="ip netns exec $prefix-router socat STDIO"
    if [ "$netconf_port" != 0 ]; then
        setsid socat "TCP4-LISTEN:$netconf_port,bind=127.0.0.1,reuseaddr,fork" \
            "SYSTEM:$router TCP4\:127.0.0.1\:830" </dev/null >>"$run_dir/forward.log" 2>&1 &
        echo $! >"$run_dir/forward-netconf.pid"
    fi
    if [ "$snmp_port" != 0 ]; then
        # One child per client socket, kept while the client talks (idle 30 s), not one per
        # datagram: a walk's hundreds of requests share one way into the namespace. nofork:
        # the child becomes the socat in the router's namespace and reads the client's socket
        # itself, with no relay and pipe between them.
        setsid socat -T 30 "UDP4-LISTEN:$snmp_port,bind=127.0.0.1,reuseaddr,fork" \
            "EXEC:ip netns exec $prefix-router socat -T 30 STDIO UDP4\:127.0.0.1\:161,nofork" \
            </dev/null >>"$run_dir/forward.log" 2>&1 &
        echo $! >"$run_dir/forward-snmp.pid"
    fi
    if [ "$metrics_port" != 0 ]; then
        setsid socat "TCP4-LISTEN:$metrics_port,bind=127.0.0.1,reuseaddr,fork" \
            "SYSTEM:$router TCP4\:127.0.0.1\:9813" </dev/null >>"$run_dir/forward.log" 2>&1 &
        echo $! >"$run_dir/forward-metrics.pid"
    fi
}

stop_forwarders() {
    for f in "$run_dir"/forward-*.pid; do
        [ -f "$f" ] || continue
        kill -TERM -- "-$(cat "$f")" 2>/dev/null || kill -TERM "$(cat "$f")" 2>/dev/null || true
        rm -f "$f"
    done
}

up() {
    [ -x "$launcher" ] || die "launcher $launcher missing"
    if exists "$prefix-router"; then
        echo "lab already up"
    else
        build
    fi
    if ! daemon_running; then
        start_daemon
    fi
    [ -f "$run_dir/forward-netconf.pid" ] || [ -f "$run_dir/forward-snmp.pid" ] \
        || [ -f "$run_dir/forward-metrics.pid" ] || start_forwarders
    cat <<EOF
multihome lab is up: daemon pid $(cat "$run_dir/daemon.pid") in namespace $prefix-router
  status:   multihome lab status [--json]
  log:      tail -f $run_dir/daemon.log
  config:   $run_dir/state/startup.xml
  routes:   ip -n $prefix-router route show table all proto 77
  rules:    ip -n $prefix-router rule
  nexthops: ip -n $prefix-router nexthop
  traffic:  ip netns exec $prefix-lan ping -c 3 192.0.2.1
  netconf:  /usr/bin/python3 -c "from ncclient import manager; m = manager.connect(host='127.0.0.1', port=$netconf_port, username='admin', password='admin', hostkey_verify=False, look_for_keys=False, allow_agent=False); print(m.get_config('running'))"
  snmp:     snmpwalk -v2c -c public 127.0.0.1:$snmp_port .1.3.6.1.4.1.32473
  faults:   multihome lab fail isp1 link|gateway|upstream|farside|admin ; multihome lab restore isp1
  stop:     multihome lab down
EOF
    if [ "$metrics_port" != 0 ]; then
        echo "metrics: http://127.0.0.1:$metrics_port/metrics"
    fi
}

stop_daemon() {
    if daemon_running; then
        local pid
        pid=$(cat "$run_dir/daemon.pid")
        kill -TERM "$pid"
        wait_for 10 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$run_dir/daemon.pid"
}

down() {
    stop_forwarders
    stop_daemon
    for ns in "${namespaces[@]}"; do
        if exists "$ns"; then ip netns del "$ns"; fi
    done
    rm -rf "$run_dir"
    rm -f "$rt_tables" "$rt_protos"
    echo "multihome lab is down"
}

number_of() {
    case "$1" in
        isp1) echo 1 ;;
        isp2) echo 2 ;;
        isp3) echo 3 ;;
        *) die "unknown provider '$1' (the lab has isp1, isp2 and isp3)" ;;
    esac
}

fail() {
    local n
    n=$(number_of "$1")
    exists "$prefix-isp$n" || die "lab is not up"
    case "${2:-}" in
        # The provider's end of the cable goes down: the router loses carrier.
        link) in_ns "isp$n" ip link set "wan$n" down ;;
        # The gateway stops answering (no address, so no ARP either); the link stays up.
        gateway) in_ns "isp$n" ip addr flush dev "wan$n" ;;
        # The gateway answers but its way to the Internet is cut.
        upstream) in_ns "isp$n" ip link set "up$n" down ;;
        # Everything beyond the router's port is gone while the router keeps carrier, as behind
        # a switch: every frame arriving at the provider is dropped.
        farside) in_ns "isp$n" nft -f - <<NFT
table netdev mhlab_farside {
    chain ingress {
        type filter hook ingress device "wan$n" priority 0; policy drop;
    }
}
NFT
            ;;
        # Someone sets the router's own uplink administratively down.
        admin) in_ns router ip link set "if$n" down ;;
        *) die "usage: lab fail isp1|isp2|isp3 link|gateway|upstream|farside|admin" ;;
    esac
    echo "$1: $2 failed"
}

restore() {
    local n
    n=$(number_of "$1")
    exists "$prefix-isp$n" || die "lab is not up"
    restore_provider "$n"
    echo "$1 restored"
}

usage="usage: multihome lab up|down|status [--json]|stop-daemon|start-daemon|fail PROVIDER link|gateway|upstream|farside|admin|restore PROVIDER"

case "${1:-}" in
    -h|--help) echo "$usage" ;;
    up) up ;;
    # The daemon's status socket is in the lab's run directory; the client runs on the host.
    status) shift; exec "$launcher" status --socket "$run_dir/status.sock" "$@" ;;
    down) down ;;
    fail) shift; fail "${1:-}" "${2:-}" ;;
    restore) shift; restore "${1:-}" ;;
    stop-daemon) stop_daemon; echo "daemon stopped; the kernel state stays" ;;
    start-daemon)
        exists "$prefix-router" || die "lab is not up"
        daemon_running || start_daemon
        echo "daemon running: pid $(cat "$run_dir/daemon.pid")" ;;
    *) die "$usage" ;;
esac
