package dev.gatehouse.adapter.out.security.password;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import de.mkammerer.argon2.jna.Size_t;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/**
 * Native work memory for libargon2, lent through its allocate/free callbacks ({@code argon2.h}): a pool of at
 * most {@code kept} reusable buffers of {@code bytes} each, so that hashing neither fills the Java heap nor makes
 * glibc keep a 19 MiB arena per request thread. A hash beyond the pool, or one asking for more (an older stored
 * cost), gets a buffer of its own, freed at once. When the last running hash ends, the kept buffers' pages go
 * back to the operating system ({@code madvise(MADV_DONTNEED)}, Linux only): under sustained sign-in load they
 * stay, and a service that signs nobody in holds no hashing memory.
 *
 * <p>Each kept buffer is asked to be backed by transparent huge pages ({@code madvise(MADV_HUGEPAGE)}, honoured
 * when the kernel's THP setting is {@code always} or {@code madvise}): Argon2 reads its reference blocks at
 * pseudo-random places in the 19 MiB, and ten 2 MiB pages take the TLB misses of 4,864 small ones. Hashing is
 * about 5 % faster for it, and sign-ins 12–15 % (docs/benchmarks.md, section 0.11; ADR 0006). Where the kernel
 * has no THP the advice is ignored and the buffer works with small pages.
 */
final class Argon2WorkMemory {

    /** {@code madvise(2)} of the C library. */
    interface Libc extends Library {
        int madvise(Pointer address, Size_t length, int advice);
    }

    /** {@code int (*allocate_fptr)(uint8_t **memory, size_t bytes_to_allocate)}. */
    public interface Allocate extends Callback {
        int invoke(PointerByReference memory, Size_t bytes);
    }

    /** {@code void (*deallocate_fptr)(uint8_t *memory, size_t bytes_to_allocate)}. */
    public interface Release extends Callback {
        void invoke(Pointer memory, Size_t bytes);
    }

    private static final int ARGON2_OK = 0;
    private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;
    private static final int MADV_DONTNEED = 4;
    private static final int MADV_HUGEPAGE = 14;
    /** Buffers start on, and span whole, 2 MiB units: a transparent huge page on x86-64 and arm64 (4 KiB base pages). */
    private static final int PAGE_ALIGNMENT = 1 << 21;

    private final Optional<Libc> libc;
    private final int kept;
    private final long bytes;
    private final Queue<Lease> idle = new ArrayDeque<>();
    private int running;

    Argon2WorkMemory(int kept, long bytes) {
        this.libc = Platform.isLinux() ? Optional.of(Native.load(Platform.C_LIBRARY_NAME, Libc.class)) : Optional.empty();
        this.kept = kept;
        this.bytes = bytes;
    }

    /** A buffer for one hash, with the callback pointers for {@code argon2_context}; give it back after the hash. */
    synchronized Lease lease() {
        running++;
        Lease lease = idle.poll();
        return lease != null ? lease : new Lease(bytes, libc);
    }

    /** Under the same lock as {@link #lease}: no hash is handed a buffer while its pages are dropped. */
    synchronized void giveBack(Lease lease) {
        if (idle.size() < kept) {
            idle.add(lease);
        } else {
            lease.allocation.close();
        }
        if (--running == 0) {
            idle.forEach(unused -> libc.ifPresent(unused::releasePages));
        }
    }

    /** One reusable buffer and the callbacks that lend it (they live as long as the lease: JNA needs that). */
    static final class Lease {
        private final Memory allocation;
        private final Memory buffer;
        private final long bytes;
        private final Allocate allocateCallback = this::allocate;
        private final Release releaseCallback = this::release;
        final Pointer allocate = CallbackReference.getFunctionPointer(allocateCallback);
        final Pointer release = CallbackReference.getFunctionPointer(releaseCallback);
        private boolean touched;
        private Memory oneOff;

        private Lease(long atLeast, Optional<Libc> libc) {
            this.bytes = (atLeast + PAGE_ALIGNMENT - 1) / PAGE_ALIGNMENT * PAGE_ALIGNMENT;
            this.allocation = new Memory(bytes + PAGE_ALIGNMENT);
            this.buffer = allocation.align(PAGE_ALIGNMENT);
            libc.ifPresent(linux -> linux.madvise(buffer, new Size_t(bytes), MADV_HUGEPAGE));
        }

        private void releasePages(Libc libc) {
            if (touched && libc.madvise(buffer, new Size_t(bytes), MADV_DONTNEED) == 0) {
                touched = false;
            }
        }

        private int allocate(PointerByReference memory, Size_t requested) {
            if (requested.longValue() <= bytes) {
                touched = true;
                memory.setValue(buffer);
                return ARGON2_OK;
            }
            try {
                oneOff = new Memory(requested.longValue());
            } catch (OutOfMemoryError tooLarge) {
                return ARGON2_MEMORY_ALLOCATION_ERROR;
            }
            memory.setValue(oneOff);
            return ARGON2_OK;
        }

        private void release(Pointer memory, Size_t requested) {
            if (oneOff != null && memory.equals(oneOff)) {
                oneOff.close();
                oneOff = null;
            }
        }
    }
}
