package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class NativeHeapTrimTest {

    private static final int CHUNKS = 32 * 1024;
    private static final int CHUNK_BYTES = 2048;

    @Test
    void memory_freed_to_glibc_goes_back_to_the_system() throws IOException {
        var trim = new NativeHeapTrim();
        trim.trim();
        long before = residentKiB();
        long[] chunks = new long[CHUNKS + 1];
        for (int i = 0; i < chunks.length; i++) { // 64 MiB in small chunks, below glibc's mmap threshold
            chunks[i] = Native.malloc(CHUNK_BYTES);
            new Pointer(chunks[i]).setMemory(0, CHUNK_BYTES, (byte) 1);
        }
        for (int i = 0; i < CHUNKS; i++) { // the last chunk stays: the freed ones are not at the arena's top
            Native.free(chunks[i]);
        }
        long freedButResident = residentKiB() - before;

        assertThat(trim.trim()).as("malloc_trim gave memory back").isTrue();

        long afterTrim = residentKiB() - before;
        Native.free(chunks[CHUNKS]);
        assertThat(freedButResident).as("KiB still resident after free()").isGreaterThan(48 * 1024);
        assertThat(afterTrim).as("KiB resident after the trim").isLessThan(16 * 1024);
    }

    private static long residentKiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
