package net.multihome.daemon.memory;

import java.util.ArrayList;
import java.util.List;

/** A mapping of /proc/PID/smaps with how much of it is resident and how much is private anonymous copies. */
record Region(Mapping mapping, long residentKb, long anonymousKb) {

    /** The regions of a /proc/PID/smaps text, in its order. */
    static List<Region> parseSmaps(List<String> lines) {
        List<Region> regions = new ArrayList<>();
        Mapping current = null;
        long resident = 0;
        long anonymous = 0;
        for (String line : lines) {
            var mapping = Mapping.parse(line);
            if (mapping.isPresent()) {
                if (current != null) {
                    regions.add(new Region(current, resident, anonymous));
                }
                current = mapping.get();
                resident = 0;
                anonymous = 0;
            } else if (line.startsWith("Rss:")) {
                resident = kilobytes(line);
            } else if (line.startsWith("Anonymous:")) {
                anonymous = kilobytes(line);
            }
        }
        if (current != null) {
            regions.add(new Region(current, resident, anonymous));
        }
        return regions;
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").trim());
    }
}
