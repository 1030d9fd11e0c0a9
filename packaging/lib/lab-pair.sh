# The redundant pair of `multihome lab up --pair`; sourced by lab.sh, whose helpers it uses.
# Routers a and b each run the daemon (examples lab-pair-a.xml, lab-pair-b.xml), keepalived and
# conntrackd, the latter two on the configurations the daemon writes into its runtime directory
# ($run_dir/a, $run_dir/b):
#
#   mhlab-lan lan0 ── [mhlab-lansw br0] ── eth0 [mhlab-a] if1, if2 ── [mhlab-isp1 br0], [mhlab-isp2 br0]
#                                      └── eth0 [mhlab-b] if1, if2 ──┘     up1, up2 ── [mhlab-inet]
#                          a and b joined by sync0 (198.18.0.1/30 a, .2 b)
#
#   LAN     10.0.0.0/24: gateway 10.0.0.1 (VRRP), a .2, b .3, the LAN host .10
#   ispN    203.0.113.(64(N-1))/26: ISP .1, a .2, b .3, virtual address .10 (VRRP, SNAT to it)
#   ispN - inet as in the single-router lab; IPv4 only.
#
# Config sync: each router's NETCONF server also listens on its sync0 address, and its daemon
# logs in to the peer's as user sync with its client key ($run_dir/R/state/sync-client-key),
# which pair_keys makes before the first start and lists in both routers' factory configurations.

# The routers' configurations: lab-pair-a.xml and lab-pair-b.xml from this directory.
pair_configs=${MULTIHOME_LAB_PAIR_CONFIGS:-$here/../examples}
pair_namespaces=("$prefix-lan" "$prefix-lansw" "$prefix-a" "$prefix-b" "$prefix-isp1" "$prefix-isp2" "$prefix-inet")
pair_routers=(a b)

is_pair() { [ -f "$run_dir/pair" ]; }

pair_bridge() { # pair_bridge NS: a bridge br0, up, in namespace NS
    in_ns "$1" ip link add br0 type bridge
    in_ns "$1" ip link set br0 up
}

pair_port() { # pair_port NS IF SWITCH PORT: a veth from NS to SWITCH's bridge
    veth "$1" "$2" "$3" "$4"
    in_ns "$3" ip link set "$4" master br0
}

pair_build() {
    [ "$(id -u)" -eq 0 ] || die "needs root (it creates network namespaces)"
    local ns n r host
    for ns in "${pair_namespaces[@]}"; do ip netns add "$ns"; done
    for ns in "${pair_namespaces[@]}"; do
        ip netns exec "$ns" ip link set lo up
        ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
    done
    pair_bridge lansw
    pair_port lan lan0 lansw p0
    in_ns lan ip addr add 10.0.0.10/24 dev lan0
    in_ns lan ip route add default via 10.0.0.1
    for n in 1 2; do
        pair_bridge "isp$n"
        in_ns "isp$n" ip addr add "203.0.113.$((64 * (n - 1) + 1))/26" dev br0
        veth "isp$n" "up$n" inet "i$n"
        in_ns "isp$n" ip addr add "100.64.$n.1/30" dev "up$n"
        in_ns "isp$n" ip route add default via "100.64.$n.2"
        in_ns inet ip addr add "100.64.$n.2/30" dev "i$n"
        in_ns inet ip route add "203.0.113.$((64 * (n - 1)))/26" via "100.64.$n.1"
    done
    in_ns inet ip addr add 192.0.2.1/32 dev lo
    host=2
    for r in "${pair_routers[@]}"; do
        pair_port "$r" eth0 lansw "p$r"
        in_ns "$r" ip addr add "10.0.0.$host/24" dev eth0
        for n in 1 2; do
            pair_port "$r" "if$n" "isp$n" "$r$n"
            in_ns "$r" ip addr add "203.0.113.$((64 * (n - 1) + host))/26" dev "if$n"
        done
        host=$((host + 1))
    done
    veth a sync0 b sync0
    in_ns a ip addr add 198.18.0.1/30 dev sync0
    in_ns b ip addr add 198.18.0.2/30 dev sync0
}

# Each router's config sync client key, made before its daemon's first start (the daemon keeps
# a key it finds), and each router's factory configuration: its example with config sync on,
# as user sync, whose authorized keys are both routers' public keys.
pair_keys() {
    local r dir src keys=""
    for r in "${pair_routers[@]}"; do
        dir=$(pair_dir "$r")
        mkdir -p "$dir/state"
        if [ ! -f "$dir/state/sync-client-key" ]; then
            ssh-keygen -q -t ed25519 -N '' -C "multihome config sync ($r)" -f "$dir/state/sync-client-key" \
                || die "cannot make router $r's sync client key"
        fi
        keys+="<authorized-key>$(cut -d' ' -f1,2 "$dir/state/sync-client-key.pub")</authorized-key>"
    done
    for r in "${pair_routers[@]}"; do
        src="$pair_configs/lab-pair-$r.xml"
        # A configuration without NETCONF users or a redundancy section is taken as it is.
        if grep -q "</user>" "$src" && grep -q "</redundancy>" "$src"; then
            sed -e "0,/<\/user>/s|</user>|</user><user><name>sync</name>$keys</user>|" \
                -e "s|</redundancy>|<config-sync><enabled>true</enabled><user>sync</user></config-sync></redundancy>|" \
                "$src" >"$(pair_dir "$r")/factory.xml"
        else
            cp "$src" "$(pair_dir "$r")/factory.xml"
        fi
    done
}

pair_ready() { [ "$(pair_readies "$1")" -gt "$2" ]; }
pair_dir() { echo "$run_dir/$1"; }
pair_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
pair_readies() { if [ -f "$1" ]; then grep -c "ready: first reconcile pass" "$1" || true; else echo 0; fi; }

# Router R's daemon, then conntrackd and keepalived on the files it wrote; each only if not running.
pair_start_router() {
    local r=$1 dir before
    dir=$(pair_dir "$r")
    mkdir -p "$dir/state"
    if ! pair_alive "$dir/daemon.pid"; then
        before=$(pair_readies "$dir/daemon.log")
        ip netns exec "$prefix-$r" setsid "$launcher" daemon --state-dir "$dir/state" \
            --factory-config "$dir/factory.xml" --runtime-dir "$dir" \
            --rt-tables "$dir/rt_tables.conf" --vrrp-notify "$here/../pair/vrrp-notify" \
            >>"$dir/daemon.log" 2>&1 </dev/null &
        echo $! >"$dir/daemon.pid"
        if ! wait_for 90 pair_ready "$dir/daemon.log" "$before"; then
            tail -20 "$dir/daemon.log" >&2
            die "router $r's daemon was not ready within 90 s (log: $dir/daemon.log)"
        fi
    fi
    [ -f "$dir/keepalived.conf" ] && [ -f "$dir/conntrackd.conf" ] \
        || die "router $r's daemon wrote no keepalived.conf and conntrackd.conf into $dir"
    if ! in_ns "$r" conntrackd -C "$dir/conntrackd.conf" -s >/dev/null 2>&1; then
        rm -f "$dir/conntrackd.lock"
        in_ns "$r" conntrackd -C "$dir/conntrackd.conf" -d >>"$dir/conntrackd.log" 2>&1 \
            || die "conntrackd did not start in $prefix-$r (log: $dir/conntrackd.log)"
    fi
    if ! pair_alive "$dir/keepalived.pid"; then
        ip netns exec "$prefix-$r" setsid keepalived --dont-fork --log-console --log-detail --vrrp \
            --use-file "$dir/keepalived.conf" --pid "$dir/keepalived.main.pid" --vrrp_pid "$dir/keepalived.vrrp.pid" \
            >>"$dir/keepalived.log" 2>&1 </dev/null &
        echo $! >"$dir/keepalived.pid"
    fi
}

# Ends router R's keepalived (TERM: it hands the role over), daemon and conntrackd.
pair_stop_router() {
    local r=$1 dir f pid
    dir=$(pair_dir "$r")
    for f in "$dir/keepalived.pid" "$dir/daemon.pid"; do
        if pair_alive "$f"; then
            pid=$(cat "$f")
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
            wait_for 10 bash -c "! kill -0 $pid" || kill -KILL -- "-$pid" 2>/dev/null || true
        fi
        rm -f "$f"
    done
    if exists "$prefix-$r" && [ -f "$dir/conntrackd.conf" ]; then
        in_ns "$r" conntrackd -C "$dir/conntrackd.conf" -k >/dev/null 2>&1 || true
    fi
}

# stop-daemon R: ends router R's daemon only (TERM); keepalived, conntrackd and the kernel state stay.
pair_stop_daemon() {
    local r=$1 dir pid
    [ "$r" = a ] || [ "$r" = b ] || die "usage: lab stop-daemon a|b"
    dir=$(pair_dir "$r")
    if pair_alive "$dir/daemon.pid"; then
        pid=$(cat "$dir/daemon.pid")
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        wait_for 10 bash -c "! kill -0 $pid" || kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$dir/daemon.pid"
    echo "router $r: daemon stopped; keepalived, conntrackd and the kernel state stay"
}

# start-daemon R: starts router R's daemon again (on its startup configuration), and whatever
# else of it is not running.
pair_start_daemon() {
    local r=$1
    [ "$r" = a ] || [ "$r" = b ] || die "usage: lab start-daemon a|b"
    pair_start_router "$r"
    echo "router $r: daemon running: pid $(cat "$(pair_dir "$r")/daemon.pid")"
}

pair_up() {
    [ -x "$launcher" ] || die "launcher $launcher missing"
    command -v keepalived >/dev/null || die "keepalived is not installed"
    command -v conntrackd >/dev/null || die "conntrackd is not installed"
    command -v ssh-keygen >/dev/null || die "ssh-keygen (openssh-client) is not installed"
    if exists "$prefix-a"; then
        echo "pair lab already up"
    else
        exists "$prefix-router" && die "the single-router lab is up; run lab down first"
        mkdir -p "$run_dir" "$(dirname "$rt_protos")"
        touch "$run_dir/pair"
        cp "$here/../iproute2/rt_protos.d/multihome.conf" "$rt_protos"
        pair_build
    fi
    pair_keys
    local r
    for r in "${pair_routers[@]}"; do pair_start_router "$r"; done
    cat <<EOF
multihome pair lab is up: routers $prefix-a (priority 150) and $prefix-b (100), the LAN's gateway 10.0.0.1
  status:   multihome lab status [--json]   (both routers, each with its VRRP state)
  logs:     $run_dir/a/daemon.log, keepalived.log (and b's)
  configs:  $run_dir/a/keepalived.conf, conntrackd.conf (and b's), written by the daemons
  traffic:  ip netns exec $prefix-lan ping -c 3 192.0.2.1
  sync:     ip netns exec $prefix-b conntrackd -C $run_dir/b/conntrackd.conf -s
  config:   a commit on either router (NETCONF at 127.0.0.1:830 in its namespace) reaches the other
  faults:   multihome lab crash a|b ; multihome lab fail a|b lan|uplinks ; multihome lab restore a|b
  stop:     multihome lab down
EOF
}

pair_status() {
    local r
    for r in "${pair_routers[@]}"; do
        echo "router $r ($prefix-$r):"
        "$launcher" status --socket "$(pair_dir "$r")/status.sock" "$@" || echo "(daemon not answering)"
    done
}

pair_links=(eth0 if1 if2 sync0)
# The virtual addresses of the lab's configurations, which a router that was off comes back without.
pair_virtual=("10.0.0.1/24 dev eth0" "203.0.113.10/26 dev if1" "203.0.113.74/26 dev if2")

# crash R: R dies as in a power loss: its daemon and keepalived get kill -9 and its links go
# down (without the second, its kernel would go on answering for the virtual addresses).
pair_crash() {
    local dir f l
    [ "$1" = a ] || [ "$1" = b ] || die "usage: lab crash a|b"
    dir=$(pair_dir "$1")
    for f in "$dir/keepalived.pid" "$dir/daemon.pid"; do
        if pair_alive "$f"; then
            kill -KILL -- "-$(cat "$f")" 2>/dev/null || kill -KILL "$(cat "$f")" 2>/dev/null || true
        fi
        rm -f "$f"
    done
    for l in "${pair_links[@]}"; do in_ns "$1" ip link set "$l" down; done
    echo "router $1: daemon and keepalived killed, links down"
}

pair_fail() {
    local r=$1 what=$2
    [ "$r" = a ] || [ "$r" = b ] || die "usage: lab fail a|b lan|uplinks"
    case "$what" in
        lan) in_ns lansw ip link set "p$r" down ;;
        uplinks) in_ns isp1 ip link set "${r}1" down; in_ns isp2 ip link set "${r}2" down ;;
        *) die "usage: lab fail a|b lan|uplinks" ;;
    esac
    echo "router $r: $what failed"
}

# restore R: after a crash without the virtual addresses; its links and switch ports up again,
# and whatever of its programs is not running started.
pair_restore() {
    local r=$1
    [ "$r" = a ] || [ "$r" = b ] || die "usage: lab restore a|b"
    local dir v l
    dir=$(pair_dir "$r")
    if ! pair_alive "$dir/keepalived.pid"; then
        # /run is empty after a power loss: no VRRP state until keepalived reports one.
        rm -f "$dir/vrrp-state"
        for v in "${pair_virtual[@]}"; do
            # shellcheck disable=SC2086 # an address and its device
            in_ns "$r" ip addr del $v 2>/dev/null || true
        done
    fi
    for l in "${pair_links[@]}"; do in_ns "$r" ip link set "$l" up; done
    in_ns lansw ip link set "p$r" up
    in_ns isp1 ip link set "${r}1" up
    in_ns isp2 ip link set "${r}2" up
    pair_start_router "$r"
    echo "router $r restored"
}
