package net.multihome.core.status;

import java.util.List;

/** Where probe statistics come from (the health monitor); {@link #NONE} before there is one. */
public interface ProbeStatsSource {

    ProbeStatsSource NONE = new ProbeStatsSource() {
        @Override
        public ProbeStats stats(String provider) {
            return ProbeStats.NONE;
        }

        @Override
        public List<TargetStatus> targets(String provider) {
            return List.of();
        }
    };

    ProbeStats stats(String provider);

    List<TargetStatus> targets(String provider);
}
