package net.multihome.netlink.conntrack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import net.multihome.netlink.codec.Attributes;
import net.multihome.netlink.codec.MalformedMessageException;
import net.multihome.netlink.codec.MessageWriter;
import net.multihome.netlink.codec.NetlinkFlags;
import net.multihome.netlink.codec.NetlinkMessage;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import org.junit.jupiter.api.Test;

/**
 * ctnetlink bytes as conntrack-tools 1.4.7 exchanges them with kernel 6.18, captured with
 * {@code strace -e trace=sendto,recvmsg -xx conntrack -L --mark 0x20000/0xff0000} (and
 * {@code -D}) for an entry made by {@code conntrack -I -u ASSURED -p tcp -s 10.0.0.5 -d
 * 192.0.2.1 --sport 40000 --dport 80 --state ESTABLISHED -t 120 --mark 0x20000}.
 */
class CtnetlinkCodecTest {

    private static final int SEQ = 1796394840;
    private static final int CTA_TUPLE_ORIG = 1;
    private static final int CTA_TUPLE_REPLY = 2;

    /** {@code CTA_TUPLE_ORIG}'s payload: 10.0.0.5:40000 -> 192.0.2.1:80, TCP. */
    private static final String ORIGINAL = "14000180080001000a00000508000200c00002011c000280050001000600000006000200"
            + "9c4000000600030000500000";

    /** The dumped entry, body after nlmsghdr (type 0x100, flags MULTI|DUMP_FILTERED). */
    private static final String DUMPED = "02000000" + "34000180" + ORIGINAL
            + "340002801400018008000100c0000201080002000a0000051c000280050001000600000006000200"
            + "00500000060003009c400000080003000000000c080008000002000008000c0064a8ee7c08000b000000000108000700"
            + "00000077300004802c000180050001000300000005000200000000000500030000000000060004000a00000006000500"
            + "0a0000001c001880080001000000000008000200000000000800030000000000";

    private final MessageWriter w = new MessageWriter(4096);

    @Test
    void dumpByMarkIsWhatConntrackSends() {
        CtnetlinkCodec.encodeDumpByMark(w, 0x20000, 0xff0000, SEQ);
        // NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET, NLM_F_REQUEST|NLM_F_DUMP, nfgen_family AF_UNSPEC,
        // CTA_MARK 0x00020000 and CTA_MARK_MASK 0x00ff0000 in network byte order
        assertEquals(message(0x101, 0x301, SEQ, "00000000" + "0800080000020000" + "0800150000ff0000"), hex(w));
    }

    @Test
    void deleteSendsTheOriginalTupleAndIdOnly() {
        DumpedEntry e = CtnetlinkCodec.decode(received(0x100, DUMPED));
        CtnetlinkCodec.encodeDelete(w, e, NetlinkFlags.REQUEST | NetlinkFlags.ACK, SEQ);
        // conntrack -D echoes the whole entry; the kernel needs CTA_TUPLE_ORIG and checks CTA_ID
        assertEquals(message(0x102, 0x005, SEQ, "02000000" + "34000180" + ORIGINAL + "08000c0064a8ee7c"), hex(w));
    }

    @Test
    void deleteCarriesTheZoneWhenTheEntryHasOne() {
        DumpedEntry e = new DumpedEntry(CtnetlinkCodec.decode(received(0x100, DUMPED)).entry(), 2,
                HexFormat.of().parseHex(ORIGINAL), 7, new byte[] {0, 5});
        CtnetlinkCodec.encodeDelete(w, e, NetlinkFlags.REQUEST, SEQ);
        assertEquals(message(0x102, 0x001, SEQ, "02000000" + "34000180" + ORIGINAL + "0600120000050000"
                + "08000c0000000007"), hex(w));
    }

    @Test
    void decodesTheDumpedEntry() {
        DumpedEntry e = CtnetlinkCodec.decode(received(0x100, DUMPED));
        assertEquals(new ConntrackEntry(Family.INET, 6,
                new ConntrackEntry.Tuple(IpAddresses.parse("10.0.0.5"), IpAddresses.parse("192.0.2.1"), 40000, 80),
                new ConntrackEntry.Tuple(IpAddresses.parse("192.0.2.1"), IpAddresses.parse("10.0.0.5"), 80, 40000),
                0x20000), e.entry());
        assertEquals(2, e.familyCode());
        assertEquals(0x64a8ee7cL, e.id());
        assertArrayEquals(HexFormat.of().parseHex(ORIGINAL), e.originalTuple());
        assertNull(e.zone());
    }

    @Test
    void decodesAnIpv6IcmpEntryWithoutPortsAndAHighMark() {
        w.begin(0x100, NetlinkFlags.MULTI, SEQ);
        w.u8(10).u8(0).u16(0);
        tuple6(CTA_TUPLE_ORIG, "fd00::2", "2001:db8::1");
        tuple6(CTA_TUPLE_REPLY, "2001:db8::1", "fd00::2");
        w.attrU32BigEndian(8, 0xff020000L);
        w.end();
        DumpedEntry e = CtnetlinkCodec.decode(single(w));
        assertEquals(new ConntrackEntry(Family.INET6, 58,
                new ConntrackEntry.Tuple(IpAddresses.parse("fd00::2"), IpAddresses.parse("2001:db8::1"), 0, 0),
                new ConntrackEntry.Tuple(IpAddresses.parse("2001:db8::1"), IpAddresses.parse("fd00::2"), 0, 0),
                0xff020000L), e.entry());
        assertEquals(-1, e.id());
    }

    private void tuple6(int type, String source, String destination) {
        int tuple = w.beginNested(type, true);
        int ip = w.beginNested(1, true);
        w.attrAddress(3, IpAddresses.parse(source));
        w.attrAddress(4, IpAddresses.parse(destination));
        w.endNested(ip);
        int proto = w.beginNested(2, true);
        w.attrU8(1, 58);
        w.attrBytes(7, new byte[] {0, 1});
        w.attrU8(8, 128);
        w.attrU8(9, 0);
        w.endNested(proto);
        w.endNested(tuple);
    }

    @Test
    void otherMessagesAndFamiliesAreSkipped() {
        assertNull(CtnetlinkCodec.decode(received(0x101, DUMPED)));
        assertNull(CtnetlinkCodec.decode(received(0x100, "07000000" + DUMPED.substring(8))));
        assertNull(CtnetlinkCodec.decode(received(0x100, "0200")));
    }

    @Test
    void malformedEntriesThrowMalformedMessage() {
        // an attribute that claims more bytes than the message has
        assertThrows(MalformedMessageException.class,
                () -> CtnetlinkCodec.decode(received(0x100, DUMPED.substring(0, DUMPED.length() - 8))));
        // no tuples at all
        assertThrows(MalformedMessageException.class,
                () -> CtnetlinkCodec.decode(received(0x100, "02000000" + "0800080000020000")));
        // a source port of one byte
        String shortPort = ORIGINAL.replace("060002009c400000", "050002009c000000");
        assertThrows(MalformedMessageException.class,
                () -> CtnetlinkCodec.decode(received(0x100, "02000000" + "34000180" + shortPort
                        + DUMPED.substring(8 + 8 + ORIGINAL.length()))));
        // an IPv4 address of three bytes
        String shortAddress = ORIGINAL.replace("080001000a000005", "070001000a000005");
        assertThrows(MalformedMessageException.class,
                () -> CtnetlinkCodec.decode(received(0x100, "02000000" + "34000180" + shortAddress
                        + DUMPED.substring(8 + 8 + ORIGINAL.length()))));
    }

    @Test
    void bigEndianAttributesRoundTrip() {
        w.begin(0x100, 0, 1);
        w.attrU32BigEndian(8, 0xfedcba98L);
        w.attrBytes(2, new byte[] {(byte) 0x9c, 0x40});
        w.end();
        Attributes a = Attributes.parse(single(w).body(), 0);
        assertEquals(0xfedcba98L, a.u32BigEndian(8, 0));
        assertEquals(40000, a.u16BigEndian(2, 0));
        assertEquals(-1, a.u16BigEndian(3, -1));
    }

    private static String hex(MessageWriter w) {
        byte[] bytes = new byte[w.position()];
        w.buffer().get(0, bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String message(int type, int flags, int seq, String bodyHex) {
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(16 + bodyHex.length() / 2).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
        return HexFormat.of().formatHex(h.array()) + bodyHex;
    }

    private static NetlinkMessage received(int type, String bodyHex) {
        byte[] b = HexFormat.of().parseHex(message(type, NetlinkFlags.MULTI, SEQ, bodyHex));
        return single(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()));
    }

    private static NetlinkMessage single(MessageWriter w) {
        ByteBuffer copy = ByteBuffer.allocate(w.position()).order(ByteOrder.nativeOrder());
        copy.put(0, w.buffer(), 0, w.position());
        return single(copy);
    }

    private static NetlinkMessage single(ByteBuffer datagram) {
        List<NetlinkMessage> all = NetlinkMessage.split(datagram);
        assertEquals(1, all.size());
        return all.getFirst();
    }
}
