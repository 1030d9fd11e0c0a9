package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.multihome.snmp.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.snmp4j.agent.NotificationOriginator;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/** A lane whose receiver stalls keeps the newest notifications and says so once per stall. */
@Timeout(30)
class NotificationLaneTest {

    /** Holds the first notification until released, as a receiver that does not answer would. */
    private static final class StalledOriginator implements NotificationOriginator {
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<OID> sent = new CopyOnWriteArrayList<>();

        @Override
        public Object notify(OctetString context, OID notificationId, VariableBinding[] vbs) {
            sent.add(notificationId);
            first.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public Object notify(OctetString context, OID notificationId, TimeTicks sysUpTime, VariableBinding[] vbs) {
            return notify(context, notificationId, vbs);
        }
    }

    @Test
    void aStalledReceiverLosesTheOldestNotificationsWithOneLogLinePerStall() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(NotificationLane.class);
        log.start();
        logger.addAppender(log);
        StalledOriginator originator = new StalledOriginator();
        int extra = 10;
        try (NotificationLane lane = new NotificationLane("stalled (127.0.0.1/162)", originator,
                new NotificationLane.Tally(new AtomicLong(), new AtomicLong()))) {
            lane.offer(new OID("1.0"));
            originator.first.await(10, TimeUnit.SECONDS);
            for (int i = 1; i <= NotificationLane.CAPACITY + extra; i++) {
                lane.offer(new OID(new int[] {1, i}));
            }
            originator.release.countDown();
            int total = 1 + NotificationLane.CAPACITY;
            Poll.until(Duration.ofSeconds(10), "the queue sent", () ->
                    originator.sent.size() >= total ? Boolean.TRUE : null);

            assertEquals(new OID(new int[] {1, extra + 1}), originator.sent.get(1), "the oldest queued were dropped");
            assertEquals(new OID(new int[] {1, NotificationLane.CAPACITY + extra}), originator.sent.get(total - 1));
            List<String> lines = Poll.until(Duration.ofSeconds(10), "the catch-up line", () -> {
                List<String> now = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
                return now.size() >= 2 ? now : null;
            });
            assertEquals(List.of(
                    "notification receiver stalled (127.0.0.1/162) falls behind; dropping its oldest notifications",
                    "notification receiver stalled (127.0.0.1/162) caught up; " + extra
                            + " notifications were dropped"), lines);
        } finally {
            logger.detachAppender(log);
        }
    }
}
