package net.multihome.daemon;

import java.util.stream.Collectors;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;

/** The one-line STATUS= that {@code systemctl status} shows, e.g. "2 providers: isp1 up, isp2 up". */
final class ServiceManagerStatus {

    /** systemd shows one line; a long refusal message is cut rather than spilling over. */
    static final int MAX_LENGTH = 200;

    private ServiceManagerStatus() {
    }

    static String of(StatusSnapshot snapshot) {
        int count = snapshot.providers().size();
        StringBuilder line = new StringBuilder();
        if (count == 0) {
            line.append("no providers");
        } else {
            line.append(count).append(count == 1 ? " provider: " : " providers: ")
                    .append(snapshot.providers().stream().map(ServiceManagerStatus::provider)
                            .collect(Collectors.joining(", ")));
        }
        if (!"ok".equals(snapshot.lastReconcileResult())) {
            line.append("; last pass: ").append(snapshot.lastReconcileResult());
        }
        String text = line.toString().replace('\n', ' ');
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static String provider(ProviderStatus p) {
        return p.name() + " " + p.operStatus().yangName();
    }
}
