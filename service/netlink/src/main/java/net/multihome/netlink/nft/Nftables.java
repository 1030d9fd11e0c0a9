package net.multihome.netlink.nft;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import net.multihome.netlink.socket.Libc;
import net.multihome.netlink.socket.NamespaceSwitch;

/**
 * One libnftables context ({@code nft_ctx}) speaking JSON both ways. Thread-safe: a context is
 * not, so calls are serialised.
 *
 * <pre>{@code
 * try (Nftables nft = Nftables.open()) {
 *     String json = nft.run("{\"nftables\":[{\"list\":{\"tables\":{\"family\":\"inet\"}}}]}");
 * }
 * }</pre>
 */
public final class Nftables implements AutoCloseable {

    /** The soname of Debian's libnftables1. */
    public static final String LIBRARY = "libnftables.so.1";
    private static final int NFT_CTX_DEFAULT = 0;
    private static final int NFT_CTX_OUTPUT_JSON = 1 << 4;

    private static volatile Functions functions;

    private final Functions f;
    private MemorySegment context;

    private Nftables(Functions f, MemorySegment context) {
        this.f = f;
        this.context = context;
    }

    /** A context on the calling process's network namespace. */
    public static Nftables open() {
        Functions f = functions();
        return new Nftables(f, f.newContext());
    }

    /** A context on the namespace at {@code netnsPath} (libnftables opens its socket there). */
    public static Nftables open(Path netnsPath) {
        Objects.requireNonNull(netnsPath, "netnsPath");
        Functions f = functions();
        return new Nftables(f, NamespaceSwitch.supply(netnsPath, f::newContext));
    }

    /**
     * Runs JSON commands ({@code {"nftables":[...]}}) as one transaction and returns what they
     * list, as JSON ("" when they list nothing).
     *
     * @throws NftablesException with nft's error text when the kernel or the parser refuses them
     */
    public synchronized String run(String json) {
        if (context == null) {
            throw new IllegalStateException("libnftables context closed");
        }
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) f.run.invokeExact(context, arena.allocateFrom(json, StandardCharsets.UTF_8));
            String output = text((MemorySegment) f.outputBuffer.invokeExact(context));
            String error = text((MemorySegment) f.errorBuffer.invokeExact(context));
            if (rc != 0) {
                throw new NftablesException(error.isBlank() ? "libnftables failed (" + rc + ")" : error.strip());
            }
            return output;
        } catch (NftablesException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            try {
                f.free.invokeExact(context);
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            } finally {
                context = null;
            }
        }
    }

    private static String text(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? "" : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static Functions functions() {
        Functions loaded = functions;
        if (loaded == null) {
            synchronized (Nftables.class) {
                if (functions == null) {
                    functions = Functions.load();
                }
                loaded = functions;
            }
        }
        return loaded;
    }

    /** The library's entry points, looked up once. */
    private record Functions(MethodHandle newContext0, MethodHandle free, MethodHandle setOutputFlags,
            MethodHandle bufferOutput, MethodHandle bufferError, MethodHandle outputBuffer,
            MethodHandle errorBuffer, MethodHandle run) {

        @SuppressWarnings("restricted") // the module is run with --enable-native-access
        static Functions load() {
            SymbolLookup library;
            try {
                library = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
            } catch (IllegalArgumentException e) {
                throw new NftablesException(LIBRARY + " is not installed (Debian package libnftables1)", e);
            }
            Linker linker = Linker.nativeLinker();
            return new Functions(
                    handle(linker, library, "nft_ctx_new", FunctionDescriptor.of(ADDRESS, JAVA_INT)),
                    handle(linker, library, "nft_ctx_free", FunctionDescriptor.ofVoid(ADDRESS)),
                    handle(linker, library, "nft_ctx_output_set_flags", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT)),
                    handle(linker, library, "nft_ctx_buffer_output", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    handle(linker, library, "nft_ctx_buffer_error", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    handle(linker, library, "nft_ctx_get_output_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                    handle(linker, library, "nft_ctx_get_error_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                    handle(linker, library, "nft_run_cmd_from_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS,
                            ADDRESS)));
        }

        private static MethodHandle handle(Linker linker, SymbolLookup library, String name,
                FunctionDescriptor descriptor) {
            return linker.downcallHandle(library.find(name).orElseThrow(
                    () -> new NftablesException(LIBRARY + " has no " + name)), descriptor);
        }

        /** A context that reads and writes JSON and keeps its output and errors for the caller. */
        MemorySegment newContext() {
            try {
                MemorySegment ctx = (MemorySegment) newContext0.invokeExact(NFT_CTX_DEFAULT);
                if (ctx.equals(MemorySegment.NULL)) {
                    throw new NftablesException("nft_ctx_new failed");
                }
                setOutputFlags.invokeExact(ctx, NFT_CTX_OUTPUT_JSON);
                int output = (int) bufferOutput.invokeExact(ctx);
                int error = (int) bufferError.invokeExact(ctx);
                if (output != 0 || error != 0) {
                    free.invokeExact(ctx);
                    throw new NftablesException("libnftables cannot buffer its output");
                }
                return ctx;
            } catch (NftablesException e) {
                throw e;
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
        }
    }
}
