package dev.gatehouse.bootstrap;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the C heap's free memory back to the operating system every {@value #INTERVAL}, with glibc's
 * {@code malloc_trim(3)}. What the JVM itself mallocs and frees (the JIT compilers' arenas above all, in the first
 * minutes of load) otherwise stays resident in glibc's arenas for good: after the load benchmark that is about
 * 27 MiB of the service's RSS (docs/benchmarks.md, section 4.1). It is what {@code jcmd <pid>
 * System.trim_native_heap} does once, and what JDK 21.0.1+ does with {@code -XX:TrimNativeHeapInterval}; JDK 17
 * has no such option, and the README's command carries no flag. A trim of a settled service takes well under a
 * millisecond and holds up only allocations in the arena it is trimming. Without glibc (another OS, musl) the
 * job does nothing.
 */
@Singleton
class NativeHeapTrim {

    private static final String INTERVAL = "10s";
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrim.class);

    /** {@code int malloc_trim(size_t pad)}, when the C library is glibc. */
    private final Optional<Function> mallocTrim;

    NativeHeapTrim() {
        this.mallocTrim = Platform.isLinux() ? glibcMallocTrim() : Optional.empty();
    }

    /** Trims every arena, keeping no padding; true when memory went back to the system. */
    @Scheduled(fixedDelay = INTERVAL, initialDelay = INTERVAL)
    boolean trim() {
        return mallocTrim.map(function -> function.invokeInt(new Object[] {new NativeLong(0)}) == 1).orElse(false);
    }

    private static Optional<Function> glibcMallocTrim() {
        try {
            return Optional.of(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("malloc_trim"));
        } catch (UnsatisfiedLinkError notGlibc) {
            LOG.info("the C library has no malloc_trim (not glibc): freed native memory stays with the process");
            return Optional.empty();
        }
    }
}
