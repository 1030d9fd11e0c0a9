package net.multihome.netlink.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import net.multihome.netlink.model.RouteScope;
import org.junit.jupiter.api.Test;

/** Headers, attributes, errors and links as the kernel sends them. */
class ParsingTest {

    @Test
    void errorWithExtendedAckCarriesTheKernelsText() {
        // NLMSG_ERROR, flags CAPPED|ACK_TLVS: error -22, the request's header (seq 42), then
        // NLMSGERR_ATTR_MSG "Invalid nexthop id" and NLMSGERR_ATTR_OFFS 20
        MessageWriter w = new MessageWriter(256);
        w.begin(NetlinkFlags.NLMSG_ERROR, NetlinkFlags.CAPPED | NetlinkFlags.ACK_TLVS, 42);
        w.u32(-22).u32(36).u16(RtnlTypes.RTM_NEWROUTE).u16(0x605).u32(42).u32(0);
        w.attrString(1, "Invalid nexthop id");
        w.attrU32(2, 20);
        w.end();
        ErrorMessage e = ErrorMessage.decode(Wire.single(w));
        assertEquals(new ErrorMessage(22, 42, "Invalid nexthop id", 20), e);
        assertFalse(e.isAck());
    }

    @Test
    void failedDumpCarriesItsReasonInDone() {
        MessageWriter w = new MessageWriter(256);
        w.begin(NetlinkFlags.NLMSG_DONE, NetlinkFlags.MULTI | NetlinkFlags.ACK_TLVS, 12);
        w.u32(-2);
        w.attrString(1, "ipv4: FIB table does not exist");
        w.end();
        assertEquals(new ErrorMessage(2, 12, "ipv4: FIB table does not exist", -1),
                ErrorMessage.decodeDone(Wire.single(w)));
    }

    @Test
    void plainAckHasNoText() {
        MessageWriter w = new MessageWriter(256);
        w.begin(NetlinkFlags.NLMSG_ERROR, NetlinkFlags.CAPPED, 7);
        w.u32(0).u32(36).u16(RtnlTypes.RTM_NEWRULE).u16(0x605).u32(7).u32(0);
        w.end();
        ErrorMessage e = ErrorMessage.decode(Wire.single(w));
        assertTrue(e.isAck());
        assertEquals(7, e.requestSeq());
    }

    @Test
    void uncappedErrorSkipsTheEchoedRequestBody() {
        MessageWriter w = new MessageWriter(256);
        w.begin(NetlinkFlags.NLMSG_ERROR, NetlinkFlags.ACK_TLVS, 9);
        w.u32(-17).u32(24).u16(RtnlTypes.RTM_NEWNEXTHOP).u16(0x605).u32(9).u32(0);
        w.u32(0).u32(0);
        w.attrString(1, "Nexthop id already in use");
        w.end();
        assertEquals(new ErrorMessage(17, 9, "Nexthop id already in use", -1), ErrorMessage.decode(Wire.single(w)));
    }

    @Test
    void severalMessagesInOneDatagram() {
        MessageWriter w = new MessageWriter(256);
        w.begin(RtnlTypes.RTM_NEWLINK, NetlinkFlags.MULTI, 5).u32(1).end();
        w.begin(RtnlTypes.RTM_NEWLINK, NetlinkFlags.MULTI | NetlinkFlags.DUMP_INTR, 5).u8(1).end();
        w.begin(NetlinkFlags.NLMSG_DONE, NetlinkFlags.MULTI, 5).u32(0).end();
        ByteBuffer copy = ByteBuffer.allocate(w.position()).order(ByteOrder.nativeOrder());
        copy.put(0, w.buffer(), 0, w.position());
        var all = NetlinkMessage.split(copy);
        assertEquals(3, all.size());
        assertTrue(all.get(1).has(NetlinkFlags.DUMP_INTR));
        assertTrue(all.get(2).isDone());
        assertEquals(4, all.get(1).body().limit(), "padded to 4 bytes");
    }

    @Test
    void lengthBeyondTheDatagramIsRejected() {
        ByteBuffer b = Wire.bytes(Wire.message(RtnlTypes.RTM_NEWLINK, 0, 1, "00000000"));
        b.putInt(0, 400);
        assertThrows(MalformedMessageException.class, () -> NetlinkMessage.split(b));
    }

    @Test
    void attributeBeyondItsMessageIsRejected() {
        ByteBuffer b = Wire.bytes("0800010001000000" + "ff00020000000000");
        assertThrows(MalformedMessageException.class, () -> Attributes.parse(b, 0));
    }

    @Test
    void linkWithKindAliasAndCounters() {
        MessageWriter w = new MessageWriter(1024);
        w.begin(RtnlTypes.RTM_NEWLINK, 0, 1);
        w.u8(0).u8(0).u16(1).u32(7).u32(0x1 | 0x10000 | 0x1000).u32(0);
        w.attrString(3, "wan1");
        w.attrU32(4, 1500);
        w.attrU8(16, 6);
        w.attrString(20, "uplink A");
        int info = w.beginNested(18, false);
        w.attrString(1, "veth");
        w.endNested(info);
        byte[] stats = new byte[8 * 24];
        ByteBuffer s = ByteBuffer.wrap(stats).order(ByteOrder.nativeOrder());
        for (int i = 0; i < 8; i++) {
            s.putLong(i * 8, 100 + i);
        }
        w.attrBytes(23, stats);
        w.end();
        Link link = LinkCodec.decode(Wire.single(w));
        assertEquals(new Link(7, "wan1", true, true, OperState.UP, 1500, "uplink A", "veth",
                new LinkStats(100, 101, 102, 103, 104, 105, 106, 107)), link);
    }

    @Test
    void nestedAttributeFlagIsIgnoredWhenReading() {
        MessageWriter w = new MessageWriter(128);
        int n = w.beginNested(12, true);
        w.attrU16(1, 64);
        w.endNested(n);
        Attributes outer = Attributes.parse(w.buffer().duplicate().order(ByteOrder.nativeOrder()).limit(w.position()), 0);
        assertEquals(64, outer.nested(12).u16(1, 0));
    }

    /** A SLAAC address after a renumbering, as the kernel reports it: flags in IFA_FLAGS and, cut to 8 bits, in the header. */
    @Test
    void addressCarriesItsFlags() {
        MessageWriter w = new MessageWriter(128);
        w.begin(RtnlTypes.RTM_NEWADDR, 0, 1);
        w.u8(10).u8(64).u8(0x20 | 0x80).u8(0).u32(3);
        w.attrAddress(1, IpPrefix.parse("2001:db8:1::5/128").address());
        w.attrU32(8, 0x20 | 0x400 | 0x80);
        w.end();
        Address a = AddressCodec.decode(Wire.single(w));
        assertEquals(new Address(3, IpPrefix.parse("2001:db8:1::5/128").address(), 64, RouteScope.UNIVERSE, null,
                0x20 | 0x400 | 0x80), a);
        assertFalse(a.preferred());
    }

    @Test
    void addressWithoutIfaFlagsTakesTheHeadersFlags() {
        MessageWriter w = new MessageWriter(128);
        w.begin(RtnlTypes.RTM_NEWADDR, 0, 1);
        w.u8(10).u8(64).u8(0x40).u8(0).u32(3);
        w.attrAddress(2, IpPrefix.parse("2001:db8:1::5/128").address());
        w.end();
        Address a = AddressCodec.decode(Wire.single(w));
        assertEquals(Address.TENTATIVE, a.flags());
        assertFalse(a.preferred());
    }
}
