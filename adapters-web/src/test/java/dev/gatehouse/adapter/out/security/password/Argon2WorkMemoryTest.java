package dev.gatehouse.adapter.out.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import de.mkammerer.argon2.jna.Size_t;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The work buffer as libargon2 gets it through its allocate callback, seen from the kernel's side (Linux only). */
@EnabledOnOs(OS.LINUX)
class Argon2WorkMemoryTest {

    private static final long HUGE_PAGE = 2L << 20;
    private static final Path TRANSPARENT_HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    @Test
    void the_buffer_is_lent_in_transparent_huge_pages_and_returned_to_the_system_when_idle() throws IOException {
        long bytes = Argon2Cost.OWASP.workBytes();
        var memory = new Argon2WorkMemory(1, bytes);
        Argon2WorkMemory.Lease lease = memory.lease();
        var lent = new PointerByReference();
        int status = Function.getFunction(lease.allocate).invokeInt(new Object[] {lent, new Size_t(bytes)});
        Pointer buffer = lent.getValue();
        long address = Pointer.nativeValue(buffer);
        assertThat(status).isZero();
        assertThat(address % HUGE_PAGE).as("buffer address modulo 2 MiB").isZero();

        buffer.setMemory(0, bytes, (byte) 0x5a); // what a hash does to it
        Map<String, String> touched = mapping(address);
        if (hugePagesOnRequest()) {
            assertThat(touched.get("VmFlags")).as("madvise(MADV_HUGEPAGE)").contains("hg");
            assertThat(kib(touched, "AnonHugePages")).as("KiB in huge pages").isPositive();
        }
        assertThat(kib(touched, "Rss")).isGreaterThanOrEqualTo(bytes / 1024);

        memory.giveBack(lease);
        assertThat(kib(mapping(address), "Rss")).as("KiB resident once no hash runs").isLessThan(1024);
    }

    /** THP is available and honours {@code madvise}: the kernel's setting is {@code [always]} or {@code [madvise]}. */
    private static boolean hugePagesOnRequest() throws IOException {
        return Files.exists(TRANSPARENT_HUGE_PAGES) && !Files.readString(TRANSPARENT_HUGE_PAGES).contains("[never]");
    }

    private static long kib(Map<String, String> mapping, String field) {
        return Long.parseLong(mapping.get(field).replace("kB", "").trim());
    }

    /** The fields of the {@code /proc/self/smaps} entry of the mapping that contains {@code address}. */
    private static Map<String, String> mapping(long address) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        Map<String, String> fields = null;
        for (String line : lines) {
            String[] words = line.split("\\s+", 2);
            if (words[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                String[] range = words[0].split("-");
                boolean contains = Long.parseUnsignedLong(range[0], 16) <= address && address < Long.parseUnsignedLong(range[1], 16);
                if (fields != null) {
                    return fields;
                }
                fields = contains ? new HashMap<>() : null;
            } else if (fields != null && words.length == 2) {
                fields.put(words[0].replace(":", ""), words[1]);
            }
        }
        assertThat(fields).as("a mapping at %x", address).isNotNull();
        return fields;
    }
}
