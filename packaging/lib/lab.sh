#!/usr/bin/env bash
# The demo lab: simulated providers in network namespaces of their own, and the multihome daemon
# running in the lab router's namespace. Lab tooling only: the daemon itself never runs `ip`.
#
#   mhlab-lan ── eth0 [mhlab-router] if1 ── wan1 [mhlab-isp1] up1 ── i1 ┐
#                                    if2 ── wan2 [mhlab-isp2] up2 ── i2 ┼ [mhlab-inet] 192.0.2.1
#                                    if3 ── wan3 [mhlab-isp3] up3 ── i3 ┘      2001:db8:ffff::1
#
# The default configuration (examples/lab.xml) uses isp1 and isp2 as the recipe does; isp3 is
# there for configurations with three providers (MULTIHOME_LAB_FACTORY picks another file).
# The LAN is private and the daemon translates it (examples/lab.xml: local-network translate);
# the uplinks' IPv4 addresses are the seed recipe's; IPv6 comes from 2001:db8::/32
# (documentation ranges, only inside these namespaces):
#
#   LAN             10.0.0.0/24 (private)    2001:db8:100::/64    router .1/::1, LAN host .10/::10
#   router - ispN   203.0.113.(64(N-1))/26   2001:db8:N::/64      ISP ::1, router ::2
#   ispN - inet     100.64.N.0/30            2001:db8:64:N::/64   ISP ::1, inet ::2
#
# `lab up --uplinks MODE` chooses how the router's if1 and if2 get their addresses (if3 is
# always static): static (the default), dhcp (dnsmasq in the ISP, ifupdown's dhclient in the
# router, DHCPv4), slaac (dnsmasq's router advertisements, the kernel's SLAAC) or pppoe
# (pppoe-server in the ISP, pppd in the router; needs the kernel's PPP support). Each mode runs
# its example configuration (lab.xml, lab-dhcp.xml, lab-slaac.xml, lab-pppoe.xml) unless
# MULTIHOME_LAB_FACTORY names another.
#
# `lab up --pair` builds the redundant pair instead (lab-pair.sh): two routers with keepalived
# and conntrackd on one LAN switch and two shared ISP switches.
set -euo pipefail

# Tests run their own lab beside a person's by setting these.
prefix=${MULTIHOME_LAB_PREFIX:-mhlab}
run_dir=${MULTIHOME_LAB_RUN_DIR:-/run/multihome-lab}
rt_tables=${MULTIHOME_LAB_RT_TABLES:-/etc/iproute2/rt_tables.d/multihome.conf}
rt_protos=${MULTIHOME_LAB_RT_PROTOS:-/etc/iproute2/rt_protos.d/multihome.conf}
# The router's NETCONF (830), SNMP (161) and metrics (9813) servers, reachable from the host's
# loopback (no route or interface is added to the host): NETCONF and metrics through socat, SNMP
# on a socket bound in the host's namespace and handed to the daemon; 0 switches one off.
netconf_port=${MULTIHOME_LAB_NETCONF_PORT:-8830}
snmp_port=${MULTIHOME_LAB_SNMP_PORT:-1161}
metrics_port=${MULTIHOME_LAB_METRICS_PORT:-9813}
namespaces=("$prefix-lan" "$prefix-router" "$prefix-isp1" "$prefix-isp2" "$prefix-isp3" "$prefix-inet")
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# The package test runs the installed daemon through a wrapper that drops to its user.
launcher=${MULTIHOME_LAB_LAUNCHER:-$here/../bin/multihome}
# Unset: the example configuration for the lab's uplink mode (factory_for).
factory=${MULTIHOME_LAB_FACTORY:-}

die() { echo "multihome lab: $*" >&2; exit 1; }
# shellcheck source=lab-pair.sh
. "$here/lab-pair.sh"
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
    in_ns "$1" sysctl -qw "net.ipv6.conf.$2.accept_dad=0"
    in_ns "$3" sysctl -qw "net.ipv6.conf.$4.accept_dad=0"
    in_ns "$1" ip link set "$2" up
    in_ns "$3" ip link set "$4" up
}

build() {
    local mode=$1
    [ "$(id -u)" -eq 0 ] || die "needs root (it creates network namespaces)"
    for ns in "${namespaces[@]}"; do ip netns add "$ns"; done
    for ns in "${namespaces[@]}"; do
        ip netns exec "$ns" ip link set lo up
        ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
        # No duplicate address detection: static and SLAAC addresses are usable at once. Static
        # IPv6 addresses outlive an interface's down and up, as IPv4 ones do.
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv6.conf.all.keep_addr_on_down=1 net.ipv6.conf.default.keep_addr_on_down=1
    done
    veth lan lan0 router eth0
    veth router if1 isp1 wan1
    veth router if2 isp2 wan2
    veth isp1 up1 inet i1
    veth isp2 up2 inet i2
    veth router if3 isp3 wan3
    veth isp3 up3 inet i3

    in_ns lan ip addr add 10.0.0.10/24 dev lan0
    in_ns lan ip route add default via 10.0.0.1
    in_ns lan ip addr add 2001:db8:100::10/64 dev lan0
    in_ns lan ip -6 route add default via 2001:db8:100::1
    in_ns router ip addr add 10.0.0.1/24 dev eth0
    in_ns router ip addr add 2001:db8:100::1/64 dev eth0
    for n in 1 2 3; do router_uplink "$n" "$mode"; done
    for n in 1 2 3; do restore_provider "$n"; done
    in_ns inet ip addr add 100.64.1.2/30 dev i1
    in_ns inet ip addr add 100.64.2.2/30 dev i2
    in_ns inet ip addr add 100.64.3.2/30 dev i3
    in_ns inet ip addr add 192.0.2.1/32 dev lo
    in_ns inet ip route add 203.0.113.0/26 via 100.64.1.1
    in_ns inet ip route add 203.0.113.64/26 via 100.64.2.1
    in_ns inet ip route add 203.0.113.128/26 via 100.64.3.1
    in_ns inet ip addr add 2001:db8:ffff::1/128 dev lo
    for n in 1 2 3; do
        in_ns inet ip addr add "2001:db8:64:$n::2/64" dev "i$n"
        in_ns inet ip -6 route add "2001:db8:$n::/64" via "2001:db8:64:$n::1"
    done
}

# The router's own static addresses on uplink N (203.0.113.(64*(N-1)+2)/26 and 2001:db8:N::2/64),
# those the uplink mode does not leave to a client; uplink 3 is always static.
router_uplink() {
    local n=$1 mode=$2
    [ "$n" -eq 3 ] && mode=static
    case "$mode" in
        static|slaac) in_ns router ip addr add "203.0.113.$((64 * (n - 1) + 2))/26" dev "if$n" ;;
    esac
    case "$mode" in
        static|dhcp) in_ns router ip addr add "2001:db8:$n::2/64" dev "if$n" ;;
    esac
}

# Provider N: gateway 203.0.113.(64*(N-1)+1)/26 and 2001:db8:N::1/64 on wanN, uplink 100.64.N.1/30
# and 2001:db8:64:N::1/64 to the Internet host.
restore_provider() {
    local n=$1
    in_ns "isp$n" nft delete table netdev mhlab_farside 2>/dev/null || true
    in_ns router ip link set "if$n" up
    in_ns "isp$n" ip link set "wan$n" up
    in_ns "isp$n" ip link set "up$n" up
    in_ns "isp$n" ip addr replace "203.0.113.$((64 * (n - 1) + 1))/26" dev "wan$n"
    in_ns "isp$n" ip addr replace "100.64.$n.1/30" dev "up$n"
    in_ns "isp$n" ip route replace default via "100.64.$n.2"
    in_ns "isp$n" ip addr replace "2001:db8:$n::1/64" dev "wan$n"
    in_ns "isp$n" ip addr replace "2001:db8:64:$n::1/64" dev "up$n"
    in_ns "isp$n" ip -6 route replace default via "2001:db8:64:$n::2"
}

# The lab's uplink mode, as `lab up` recorded it.
uplinks() { cat "$run_dir/uplinks" 2>/dev/null || echo static; }

factory_for() {
    case "$1" in
        static) echo "$here/../examples/lab.xml" ;;
        *) echo "$here/../examples/lab-$1.xml" ;;
    esac
}

# DHCPv4 from dnsmasq on wanN (203.0.113.(base+10) to (base+40) of the ISP's /26, 2 minute leases)
# and ifupdown's dhclient on the router's ifN.
start_dhcp() {
    write_dhclient_script
    # ip netns exec bind-mounts this over /etc/resolv.conf, so dhclient-script rewrites it and
    # never the host's.
    mkdir -p "/etc/netns/$prefix-router"
    echo "# multihome lab: dhclient-script's resolv.conf for $prefix-router" >"/etc/netns/$prefix-router/resolv.conf"
    local n base
    for n in 1 2; do
        base=$((64 * (n - 1)))
        # No ping of an address before offering it: that delays the first lease by 3 s.
        dnsmasq_on "$n" --dhcp-authoritative --no-ping \
            --dhcp-range="203.0.113.$((base + 10)),203.0.113.$((base + 40)),255.255.255.192,2m" \
            --dhcp-option="option:router,203.0.113.$((base + 1))"
    done
    for n in 1 2; do
        # As ifup runs it for an "inet dhcp" stanza, with the lab's files and script; it returns
        # once bound (then runs in the background), and timeout bounds the wait for the lease.
        in_ns router timeout 30 dhclient -4 -v -i -pf "$run_dir/dhclient.if$n.pid" \
            -lf "$run_dir/dhclient.if$n.leases" -I -df "$run_dir/dhclient6.if$n.leases" \
            -sf "$run_dir/dhclient-script" -e "MULTIHOME_LEASE_DIR=$run_dir/leases" "if$n" \
            >>"$run_dir/dhclient.log" 2>&1 \
            || die "dhclient got no lease on if$n within 30 s (log: $run_dir/dhclient.log)"
    done
}

# Debian's dhclient-script, then multihome's exit hook as /etc/dhcp/dhclient-exit-hooks.d would
# source it, so nothing is installed into the host's /etc.
write_dhclient_script() {
    local hook
    hook=$(cd "$here/../dhcp" && pwd)/dhclient-exit-hook
    cat >"$run_dir/dhclient-script" <<SCRIPT
#!/bin/sh
# Written by multihome lab up --uplinks dhcp.
/sbin/dhclient-script "\$@"
exit_status=\$?
. "$hook"
exit \$exit_status
SCRIPT
    chmod 0755 "$run_dir/dhclient-script"
}

# Router advertisements of 2001:db8:N::/64 from dnsmasq on wanN (every 4 s once started, up to 16 s
# apart before; the router valid for 30 s, so a silent provider is forgotten soon) and the kernel's
# SLAAC on the router's ifN.
start_slaac() {
    local n
    for n in 1 2; do
        # Forwarding is on in the router: only accept_ra=2 takes advertisements then.
        in_ns router sysctl -qw "net.ipv6.conf.if$n.accept_ra=2" "net.ipv6.conf.if$n.autoconf=1"
        dnsmasq_on "$n" --enable-ra --dhcp-range="2001:db8:$n::,ra-only,64,2m" --ra-param="wan$n,4,30"
    done
    for n in 1 2; do
        wait_for 10 slaac_done "$n" || die "if$n got no SLAAC address and default route within 10 s"
    done
}
slaac_done() {
    [ -n "$(in_ns router ip -6 addr show dev "if$1" scope global)" ] \
        && [ -n "$(in_ns router ip -6 route show default dev "if$1" proto ra)" ]
}

# dnsmasq on provider N's wanN with DNS off and no host files; the mode's options follow.
dnsmasq_on() {
    local n=$1
    shift
    in_ns "isp$n" dnsmasq --conf-file=/dev/null --no-resolv --no-hosts --port=0 \
        --interface="wan$n" --bind-interfaces --pid-file="$run_dir/dnsmasq.isp$n.pid" \
        --dhcp-leasefile="$run_dir/dnsmasq.isp$n.leases" --log-facility="$run_dir/dnsmasq.isp$n.log" "$@" \
        || die "dnsmasq did not start in $prefix-isp$n (log: $run_dir/dnsmasq.isp$n.log)"
}

# PPPoE: pppoe-server on wanN (the gateway's address local, peers from 203.0.113.(base+10)) and
# pppd with the rp-pppoe plugin on the router's ifN, as interface pppN.
# UNTESTED: written without a kernel with PPP (CONFIG_PPP, CONFIG_PPPOE, /dev/ppp) to run it on.
# The router's pppd reads the host's /etc/ppp/options (its noauth wins over Debian's auth) and
# writes /run/pppN.pid on the host, so two labs in pppoe mode at once would share those names.
start_pppoe() {
    local n base dir
    for n in 1 2; do
        base=$((64 * (n - 1)))
        dir="$run_dir/ppp-isp$n"
        mkdir -p "$dir"
        # The ISP's pppd reads its PAP secrets from /etc/ppp/pap-secrets only: ip netns exec
        # bind-mounts this directory over /etc/ppp for the ISP's namespace.
        printf '"lab%s" * "secret%s" *\n' "$n" "$n" >"$dir/pap-secrets"
        chmod 0600 "$dir/pap-secrets"
        printf 'require-pap\nlcp-echo-interval 1\nlcp-echo-failure 3\nnodefaultroute\n' >"$dir/pppoe-server-options"
        mkdir -p "/etc/netns/$prefix-isp$n"
        ln -sfn "$dir" "/etc/netns/$prefix-isp$n/ppp"
        setsid ip netns exec "$prefix-isp$n" pppoe-server -F -k -I "wan$n" -L "203.0.113.$((base + 1))" \
            -R "203.0.113.$((base + 10))" -N 4 -O "$dir/pppoe-server-options" \
            </dev/null >>"$run_dir/pppoe-server.isp$n.log" 2>&1 &
        echo $! >"$run_dir/pppoe-server.isp$n.pid"
        setsid ip netns exec "$prefix-router" pppd plugin rp-pppoe.so "if$n" ifname "ppp$n" \
            user "lab$n" password "secret$n" noauth nodefaultroute noipdefault persist maxfail 0 holdoff 1 \
            lcp-echo-interval 1 lcp-echo-failure 3 nodetach </dev/null >>"$run_dir/pppd.if$n.log" 2>&1 &
        echo $! >"$run_dir/pppd.if$n.pid"
    done
    for n in 1 2; do
        wait_for 15 in_ns router ip -4 addr show dev "ppp$n" scope global \
            || die "no PPPoE session on if$n within 15 s (log: $run_dir/pppd.if$n.log)"
    done
}

# Ends what start_dhcp, start_slaac and start_pppoe started, by their pid files; a pid is only
# signalled while it is still the program that wrote the file.
stop_uplinks() {
    local f pid program ns
    for f in "$run_dir"/dhclient.*.pid "$run_dir"/dnsmasq.*.pid "$run_dir"/pppd.*.pid "$run_dir"/pppoe-server.*.pid; do
        [ -f "$f" ] || continue
        program=$(basename "$f")
        program=${program%%.*}
        pid=$(cat "$f")
        if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$program" ]; then
            kill -TERM "$pid" 2>/dev/null || true
            wait_for 5 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$f"
    done
    rm -f "/etc/netns/$prefix-router/resolv.conf" "/etc/netns/$prefix-isp1/ppp" "/etc/netns/$prefix-isp2/ppp"
    for ns in "${namespaces[@]}"; do rmdir "/etc/netns/$ns" 2>/dev/null || true; done
    rmdir /etc/netns 2>/dev/null || true
}

# Runs COMMAND with standard input a UDP socket bound to the host's 127.0.0.1:$snmp_port (the
# daemon serves it, inetd style, besides its own addresses), so SNMP from the host reaches the
# daemon with no relay in between; with the SNMP port 0, standard input is /dev/null. It execs
# COMMAND, keeping the process id: call it in the background (&) so $! is the daemon's.
with_snmp_socket() {
    if [ "$snmp_port" = 0 ]; then
        exec "$@" </dev/null
    fi
    exec python3 -c '
import os, socket, sys
# IPv6 with IPv4 mapped in: Java takes a passed socket for IPv6 and cannot answer on an IPv4 one.
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
try:
    s.bind(("::ffff:127.0.0.1", int(sys.argv[1])))
except OSError as e:
    sys.exit("lab: cannot bind the SNMP port 127.0.0.1:%s: %s" % (sys.argv[1], e.strerror))
os.dup2(s.fileno(), 0)
os.execvp(sys.argv[2], sys.argv[2:])
' "$snmp_port" "$@"
}

start_daemon() {
    mkdir -p "$run_dir/state"
    mkdir -p "$(dirname "$rt_protos")"
    cp "$here/../iproute2/rt_protos.d/multihome.conf" "$rt_protos"
    readies_before=$(ready_count)
    with_snmp_socket ip netns exec "$prefix-router" setsid "$launcher" daemon --state-dir "$run_dir/state" \
        --factory-config "${factory:-$(factory_for "$(uplinks)")}" --runtime-dir "$run_dir" --rt-tables "$rt_tables" >>"$run_dir/daemon.log" 2>&1 &
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
        echo "note: socat is not installed; NETCONF and metrics are reachable only inside $prefix-router" >&2
        return
    fi
    local router="ip netns exec $prefix-router socat STDIO"
    if [ "$netconf_port" != 0 ]; then
        setsid socat "TCP4-LISTEN:$netconf_port,bind=127.0.0.1,reuseaddr,fork" \
            "SYSTEM:$router TCP4\:127.0.0.1\:830" </dev/null >>"$run_dir/forward.log" 2>&1 &
        echo $! >"$run_dir/forward-netconf.pid"
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
    local mode=static
    while [ $# -gt 0 ]; do
        case "$1" in
            --uplinks) [ $# -ge 2 ] || die "--uplinks needs a mode: static, dhcp, slaac or pppoe"; mode=$2; shift 2 ;;
            --uplinks=*) mode=${1#--uplinks=}; shift ;;
            --pair) [ $# -eq 1 ] || die "--pair takes no other argument"; pair_up; return ;;
            *) die "unknown argument '$1' to up (usage: lab up [--uplinks static|dhcp|slaac|pppoe])" ;;
        esac
    done
    case "$mode" in
        static|dhcp|slaac) ;;
        pppoe) [ -e /dev/ppp ] || die "--uplinks pppoe needs the kernel's PPP support, which this kernel lacks (no /dev/ppp: CONFIG_PPP, CONFIG_PPPOE)" ;;
        *) die "unknown uplink mode '$mode' (static, dhcp, slaac or pppoe)" ;;
    esac
    [ -x "$launcher" ] || die "launcher $launcher missing"
    if exists "$prefix-router"; then
        [ "$(uplinks)" = "$mode" ] || die "lab is up with --uplinks $(uplinks); run lab down first"
        echo "lab already up"
    else
        mkdir -p "$run_dir"
        echo "$mode" >"$run_dir/uplinks"
        build "$mode"
        case "$mode" in
            dhcp) start_dhcp ;;
            slaac) start_slaac ;;
            pppoe) start_pppoe ;;
        esac
    fi
    if ! daemon_running; then
        start_daemon
    fi
    [ -f "$run_dir/forward-netconf.pid" ] || [ -f "$run_dir/forward-metrics.pid" ] || start_forwarders
    cat <<EOF
multihome lab is up: daemon pid $(cat "$run_dir/daemon.pid") in namespace $prefix-router
  uplinks:  $(uplinks_description "$mode")
  status:   multihome lab status [--json]
  log:      tail -f $run_dir/daemon.log
  config:   $run_dir/state/startup.xml
  routes:   ip -n $prefix-router route show table all proto 77
  rules:    ip -n $prefix-router rule
  nexthops: ip -n $prefix-router nexthop
  traffic:  ip netns exec $prefix-lan ping -c 3 192.0.2.1 ; ip netns exec $prefix-lan ping -6 -c 3 2001:db8:ffff::1
  netconf:  /usr/bin/python3 -c "from ncclient import manager; m = manager.connect(host='127.0.0.1', port=$netconf_port, username='admin', password='admin', hostkey_verify=False, look_for_keys=False, allow_agent=False); print(m.get_config('running'))"
  snmp:     snmpwalk -v2c -c public 127.0.0.1:$snmp_port .1.3.6.1.4.1.32473
  faults:   multihome lab fail isp1 link|gateway|upstream|farside|admin ; multihome lab restore isp1
  stop:     multihome lab down
EOF
    if [ "$metrics_port" != 0 ]; then
        echo "metrics: http://127.0.0.1:$metrics_port/metrics"
    fi
}

uplinks_description() {
    case "$1" in
        static) echo "static (addresses set by the lab; --uplinks dhcp|slaac|pppoe for real clients)" ;;
        dhcp) echo "dhcp (dnsmasq in $prefix-isp1/2, dhclient on if1/if2, leases in $run_dir/leases; log: $run_dir/dhclient.log)" ;;
        slaac) echo "slaac (dnsmasq router advertisements in $prefix-isp1/2, the kernel's SLAAC on if1/if2)" ;;
        pppoe) echo "pppoe (pppoe-server in $prefix-isp1/2, pppd on if1/if2 as ppp1/ppp2)" ;;
    esac
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
    if is_pair; then
        for r in "${pair_routers[@]}"; do pair_stop_router "$r"; done
    fi
    stop_daemon
    stop_uplinks
    for ns in "${namespaces[@]}" "${pair_namespaces[@]}"; do
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
        # The gateway stops answering (no address, so no ARP or neighbour discovery either); the
        # link stays up. The link-local address stays, as restore could not bring it back, and
        # without the global one the provider has no route back to the router.
        gateway) in_ns "isp$n" ip addr flush dev "wan$n" scope global ;;
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

usage="usage: multihome lab up [--uplinks static|dhcp|slaac|pppoe | --pair]|down|status [--json]|stop-daemon|start-daemon|fail PROVIDER link|gateway|upstream|farside|admin|restore PROVIDER; with --pair: stop-daemon a|b, start-daemon a|b, crash a|b, fail a|b lan|uplinks, restore a|b"

case "${1:-}" in
    -h|--help) echo "$usage" ;;
    up) shift; up "$@" ;;
    # The daemon's status socket is in the lab's run directory; the client runs on the host.
    status) shift; if is_pair; then pair_status "$@"; else exec "$launcher" status --socket "$run_dir/status.sock" "$@"; fi ;;
    crash) shift; is_pair || die "crash is for the pair lab (lab up --pair)"; pair_crash "${1:-}" ;;
    down) down ;;
    fail) shift; if is_pair; then pair_fail "${1:-}" "${2:-}"; else fail "${1:-}" "${2:-}"; fi ;;
    restore) shift; if is_pair; then pair_restore "${1:-}"; else restore "${1:-}"; fi ;;
    stop-daemon) if is_pair; then pair_stop_daemon "${2:-}"; else stop_daemon; echo "daemon stopped; the kernel state stays"; fi ;;
    start-daemon)
        if is_pair; then pair_start_daemon "${2:-}"; exit; fi
        exists "$prefix-router" || die "lab is not up"
        daemon_running || start_daemon
        echo "daemon running: pid $(cat "$run_dir/daemon.pid")" ;;
    *) die "$usage" ;;
esac
