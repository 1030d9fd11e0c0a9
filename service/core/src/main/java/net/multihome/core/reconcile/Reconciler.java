package net.multihome.core.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import net.multihome.core.config.ConnectionMarks;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.lease.LeaseSource;
import net.multihome.core.plan.DesiredState;
import net.multihome.core.plan.IpCommands;
import net.multihome.core.plan.KernelView;
import net.multihome.core.plan.NatPlan;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.plan.Planner;
import net.multihome.core.plan.Verdict;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.nft.NftablesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One level-based pass: read the kernel, plan, diff, apply, then make the hash-policy sysctls
 * and the table names file match. Passes are not re-entrant; the caller serialises them.
 *
 * <p>Between passes, {@link #replan} puts a new plan in place without reading the kernel when
 * the last pass converged, nothing says the kernel changed since, and only nexthops differ (a
 * weight, a provider leaving or joining the group): it diffs them against the nexthops that
 * pass left, others' as read and ours as planned. Anything else, and any refusal of those
 * changes, takes a full pass.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Dataplane dataplane;
    private final Planner planner;
    private final Differ differ;
    private final int protocol;
    private final TableNamesFile tableNames;
    private final LeaseSource leases;
    /** The transaction that made our nftables table, and the table as listed right after: drift shows as a difference. */
    private String natApplied;
    /** The last plan rendered and its script: most passes plan the same translation again. */
    private NatPlan natRendered;
    private String natScript;
    private String natListed;
    /** Whether it is known that no table of ours exists while nothing is translated. */
    private boolean natAbsent;
    /** Set by {@link #watchNftables}: while it answers true, the table is listed only after the ruleset changed. */
    private volatile BooleanSupplier nftablesWatched = () -> false;
    private final AtomicBoolean nftablesChanged = new AtomicBoolean(true);
    /** The marks of the providers that served at the last pass; null before the first. */
    private Set<Long> serving;
    /** The plan of a replan that found changes, for the pass that follows it: planning costs. */
    private Planned replanned;
    /**
     * The kernel's nexthops as {@link #leftBy} left them: those of other owners as read, ours as
     * planned. Both null unless the last pass or replan converged.
     */
    private List<Nexthop> leftNexthops;
    private PassResult leftBy;

    /** What the planner made of a configuration, health and kernel view. */
    private record Planned(MultihomeConfig config, Map<String, Verdict> health, KernelView view,
                           DesiredState desired) {
    }

    /** A reconciler that learns from the kernel only. */
    public Reconciler(Dataplane dataplane, OwnerTag owner, TableNamesFile tableNames) {
        this(dataplane, owner, tableNames, LeaseSource.NONE);
    }

    /**
     * @param tableNames where table names go for {@code ip}; null to write none
     * @param leases the DHCP leases each pass learns from besides the kernel
     */
    public Reconciler(Dataplane dataplane, OwnerTag owner, TableNamesFile tableNames, LeaseSource leases) {
        this.dataplane = dataplane;
        this.leases = leases;
        this.planner = new Planner(owner);
        this.differ = new Differ(owner.protocol());
        this.protocol = owner.protocol();
        this.tableNames = tableNames;
    }

    /**
     * From now on our nftables table is listed (to find drift) only after {@link #nftablesChanged},
     * not on every pass, while {@code watching} says the caller watches the ruleset and calls it
     * on every change, also when it may have lost one. Listing through libnftables was a third of
     * a pass's CPU.
     */
    public void watchNftables(BooleanSupplier watching) {
        nftablesWatched = Objects.requireNonNull(watching, "watching");
        nftablesChanged.set(true);
    }

    /** The nftables ruleset changed, or a change may have been missed; any thread. */
    public void nftablesChanged() {
        nftablesChanged.set(true);
    }

    public PassResult pass(MultihomeConfig config, Map<String, Verdict> health) {
        long start = System.nanoTime();
        leftBy = null;
        List<Link> links = dataplane.links();
        List<Route> routes = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Family family : Family.values()) {
            routes.addAll(dataplane.routes(family));
            rules.addAll(dataplane.rules(family));
        }
        KernelView view = KernelViews.of(links, dataplane.addresses(), routes, protocol, leases.leases());
        DesiredState desired = plan(config, health, view);
        List<Nexthop> nexthops = dataplane.nexthops();
        Differ.Diff diff = differ.diff(new KernelObjects(desired.nexthops(), desired.routes(), desired.rules()),
                new KernelObjects(nexthops, routes, rules));
        List<PassError> errors = new ArrayList<>();
        int applied = apply(diff.changes(), links, desired, errors);
        errors.forEach(e -> LOG.warn("kernel refused: {}", e.message()));
        syncSysctls(desired, errors);
        syncNat(desired.nat(), errors);
        dropStaleConnections(desired.nat(), errors);
        if (tableNames != null) {
            tableNames.write(desired.tableNames()).ifPresent(errors::add);
        }
        diff.conflicts().forEach(c -> LOG.warn("left alone, not ours: {}", c));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (applied > 0 || !errors.isEmpty()) {
            LOG.info("reconcile: {} change(s) applied, {} refused in {} ms", applied, errors.size(), took.toMillis());
        }
        return left(new PassResult(desired, view, applied, errors, diff.conflicts(), took, links, routes, rules),
                nexthops);
    }

    /**
     * Plans {@code config} against what {@code last} saw and, when the kernel objects wanted are
     * exactly those {@code last} already put in place, returns that outcome for the new
     * configuration without reading or touching the kernel. When only nexthops or the NAT plan
     * differ and the kernel is as {@code last} left it (the caller knows of no change since),
     * applies those changes alone and returns that outcome. Empty when routes, rules, sysctls or
     * table names would change, {@code last} did not converge, or the kernel refused a nexthop
     * change (it was not as {@code last} left it): then only a full {@link #pass} will do, and it
     * takes this plan when the kernel it reads still looks as {@code last} saw it.
     */
    public Optional<PassResult> replan(MultihomeConfig config, Map<String, Verdict> health, PassResult last) {
        if (!last.converged()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        DesiredState desired = planner.plan(config, health, last.view());
        if (sameKernelObjects(desired, last.desired())) {
            PassResult same = new PassResult(desired, last.view(), 0, List.of(), List.of(),
                    Duration.ofNanos(System.nanoTime() - start), last.links(), last.routes(), last.rules());
            if (leftBy == last) {
                leftBy = same;
            }
            return Optional.of(same);
        }
        if (leftBy == last && onlyNexthopsDiffer(desired, last.desired())) {
            Optional<PassResult> applied = applyNexthops(desired, last, start);
            if (applied.isPresent()) {
                return applied;
            }
        }
        replanned = new Planned(config, health, last.view(), desired);
        return Optional.empty();
    }

    private static boolean onlyNexthopsDiffer(DesiredState a, DesiredState b) {
        return a.routes().equals(b.routes()) && a.rules().equals(b.rules()) && a.sysctls().equals(b.sysctls())
                && a.tableNames().equals(b.tableNames());
    }

    /**
     * The nexthop changes from what {@link #leftBy} left to {@code desired}, and the NAT table
     * and connections as a pass would make them; routes, rules, sysctls and table names are
     * what that pass put in place. Empty when the kernel refuses a nexthop change or another
     * owner's nexthop is in the way: the kernel is not as that pass left it (a link that went
     * down took its nexthops with it, and its event is still on the way), and a full pass reads it.
     */
    private Optional<PassResult> applyNexthops(DesiredState desired, PassResult last, long start) {
        List<Nexthop> before = leftNexthops;
        leftBy = null;
        leftNexthops = null;
        Differ.Diff diff = differ.diff(new KernelObjects(desired.nexthops(), List.of(), List.of()),
                new KernelObjects(before, List.of(), List.of()));
        List<PassError> errors = new ArrayList<>();
        int applied = apply(diff.changes(), last.links(), desired, errors);
        if (!errors.isEmpty() || !diff.conflicts().isEmpty()) {
            LOG.debug("nexthops are not as the last pass left them ({}); reading the kernel",
                    errors.isEmpty() ? diff.conflicts().getFirst() : errors.getFirst().message());
            return Optional.empty();
        }
        syncNat(desired.nat(), errors);
        dropStaleConnections(desired.nat(), errors);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // A weight commit is in the audit trail already; only a failure is worth a line here.
        if (!errors.isEmpty()) {
            LOG.info("reconcile: {} nexthop change(s) applied, {} refused in {} ms", applied, errors.size(),
                    took.toMillis());
        } else if (applied > 0) {
            LOG.debug("reconcile: {} nexthop change(s) applied in {} ms", applied, took.toMillis());
        }
        return Optional.of(left(new PassResult(desired, last.view(), applied, errors, List.of(), took, last.links(),
                last.routes(), last.rules()), before));
    }

    /**
     * Remembers the nexthops {@code result} left, when it converged: those of others from
     * {@code read}, ours as planned.
     */
    private PassResult left(PassResult result, List<Nexthop> read) {
        if (result.converged()) {
            List<Nexthop> now = new ArrayList<>(result.desired().nexthops());
            read.stream().filter(n -> n.protocol() != protocol).forEach(now::add);
            leftNexthops = List.copyOf(now);
            leftBy = result;
        } else {
            leftNexthops = null;
            leftBy = null;
        }
        return result;
    }

    /**
     * The planner's answer, taken from the replan just before when it planned the same
     * configuration and health on a kernel view that is still the same (the planner is pure).
     */
    private DesiredState plan(MultihomeConfig config, Map<String, Verdict> health, KernelView view) {
        Planned before = replanned;
        replanned = null;
        if (before != null && before.config() == config && before.health().equals(health)
                && before.view().equals(view)) {
            return before.desired();
        }
        return planner.plan(config, health, view);
    }

    /**
     * The NAT plan counts too: port forwards live only in the nftables table, and a provider may
     * stop serving with every route as it was (the all-down last resort keeps them), yet its
     * connections must go.
     */
    private static boolean sameKernelObjects(DesiredState a, DesiredState b) {
        return a.nexthops().equals(b.nexthops()) && a.routes().equals(b.routes()) && a.rules().equals(b.rules())
                && a.sysctls().equals(b.sysctls()) && a.tableNames().equals(b.tableNames())
                && a.nat().equals(b.nat());
    }

    private int apply(List<Change> changes, List<Link> links, DesiredState desired, List<PassError> errors) {
        if (changes.isEmpty()) {
            return 0;
        }
        Map<Integer, String> names = new HashMap<>();
        links.forEach(l -> names.put(l.index(), l.name()));
        IpCommands ip = new IpCommands(i -> names.getOrDefault(i, "if" + i), desired.tableNames());
        List<ApplyResult> results = dataplane.apply(changes);
        if (results.size() != changes.size()) {
            throw new IllegalStateException(results.size() + " results for " + changes.size() + " changes");
        }
        int applied = 0;
        for (int i = 0; i < changes.size(); i++) {
            switch (results.get(i)) {
                case ApplyResult.Applied _ -> applied++;
                case ApplyResult.Failed failure -> {
                    PassError.Refused refused = new PassError.Refused(changes.get(i), ip.change(changes.get(i)),
                            failure);
                    errors.add(refused);
                }
            }
        }
        return applied;
    }

    /**
     * Makes the daemon's nftables table what the plan says, replacing it whole in one transaction
     * when the plan changed or the table is not as it was left (deleted, flushed, edited).
     */
    private void syncNat(NatPlan plan, List<PassError> errors) {
        if (!plan.translates()) {
            removeNatTable(errors);
            return;
        }
        natAbsent = false;
        try {
            if (!plan.equals(natRendered)) {
                natScript = NatTable.replace(plan);
                natRendered = plan;
            }
            String wanted = natScript;
            if (wanted.equals(natApplied) && natListed != null && nftablesWatched.getAsBoolean()
                    && !nftablesChanged.get()) {
                return;
            }
            // Cleared before listing: a change while it lists is listed again at the next pass.
            nftablesChanged.set(false);
            String listed = dataplane.natTable();
            if (wanted.equals(natApplied) && listed != null && listed.equals(natListed)) {
                return;
            }
            String what = !wanted.equals(natApplied) ? (listed == null ? "created" : "replaced")
                    : listed == null ? "recreated: it was deleted" : "repaired: it was changed";
            dataplane.nft(wanted);
            natApplied = wanted;
            natListed = dataplane.natTable();
            LOG.info("nftables: table {} {} {}", NatTable.FAMILY, NatTable.NAME, what);
        } catch (NftablesException e) {
            natApplied = null;
            errors.add(new PassError.SettingFailed("nftables table " + NatTable.FAMILY + " " + NatTable.NAME,
                    e.getMessage()));
        }
    }

    /**
     * Removes a table of ours left from translating before (or by an earlier run), once: a
     * router that translates nothing does not list nftables every pass, and needs no libnftables.
     */
    private void removeNatTable(List<PassError> errors) {
        if (natAbsent) {
            return;
        }
        try {
            if (dataplane.natTable() != null) {
                dataplane.nft(NatTable.delete());
                LOG.info("nftables: table {} {} removed, nothing is translated", NatTable.FAMILY, NatTable.NAME);
            }
            natAbsent = true;
        } catch (NftablesException e) {
            if (natApplied != null) {
                errors.add(new PassError.SettingFailed("removing nftables table " + NatTable.FAMILY + " "
                        + NatTable.NAME, e.getMessage()));
                return;
            }
            // Never translated in this run: without libnftables there is no table of ours to remove.
            LOG.debug("nftables not listed: {}", e.getMessage());
            natAbsent = true;
        }
        natApplied = null;
        natListed = null;
    }

    /**
     * Deletes the connections of each provider that stopped serving (down, disabled, deleted)
     * since the last pass, or that does not serve at the first: their translation points at a
     * provider that no longer carries them, so clients should reconnect through the others now.
     */
    private void dropStaleConnections(NatPlan plan, List<PassError> errors) {
        Set<Long> before = serving != null ? serving
                : plan.uplinks().stream().map(NatPlan.Uplink::mark).collect(Collectors.toSet());
        Set<Long> now = plan.serving();
        if (now.containsAll(before)) {
            serving = now;
            return;
        }
        for (long mark : before.stream().sorted().toList()) {
            if (now.contains(mark)) {
                continue;
            }
            try {
                int deleted = dataplane.deleteConnections(mark, ConnectionMarks.PROVIDER_MASK);
                if (deleted > 0) {
                    LOG.info("conntrack: {} connection(s) of mark 0x{} deleted, their provider stopped serving",
                            deleted, Long.toHexString(mark));
                }
            } catch (NetlinkException e) {
                errors.add(new PassError.SettingFailed("conntrack delete mark 0x" + Long.toHexString(mark),
                        e.getMessage()));
                now = new HashSet<>(now);
                now.add(mark);
            }
        }
        serving = Set.copyOf(now);
    }

    private void syncSysctls(DesiredState desired, List<PassError> errors) {
        desired.sysctls().forEach((path, value) -> {
            try {
                if (!Objects.equals(dataplane.sysctl(path), value)) {
                    dataplane.setSysctl(path, value);
                    LOG.info("sysctl net.{} = {}", path.replace('/', '.'), value);
                }
            } catch (RuntimeException e) {
                errors.add(new PassError.SettingFailed("sysctl net." + path.replace('/', '.') + " = " + value,
                        e.getMessage()));
            }
        });
    }
}
