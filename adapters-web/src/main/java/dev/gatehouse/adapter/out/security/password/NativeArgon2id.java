package dev.gatehouse.adapter.out.security.password;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Argon2id (RFC 9106, version 0x13) computed by libargon2, the reference C implementation, as built for this
 * platform in the argon2-jvm jar and called through JNA (ADR 0006). Its work memory (19 MiB at OWASP cost) comes
 * from {@link Argon2WorkMemory}; libargon2 wipes it, and the password's copy, before it returns.
 */
final class NativeArgon2id {

    /** The slice of {@code argon2.h} used here; {@code argon2id_ctx} computes into {@code context.out}. */
    interface Libargon2 extends Library {
        int argon2id_ctx(Argon2_context.ByReference context);

        String argon2_error_message(int status);
    }

    private static final int ARGON2_OK = 0;
    private static final int VERSION_13 = 0x13;
    private static final int FLAG_CLEAR_PASSWORD = 1;
    private static final byte[] NONE = new byte[0];

    private final Libargon2 library;
    private final String libraryFile;
    private final Argon2WorkMemory memory;

    private NativeArgon2id(Libargon2 library, String libraryFile, Argon2WorkMemory memory) {
        this.library = library;
        this.libraryFile = libraryFile;
        this.memory = memory;
    }

    /**
     * Loads the libargon2 of the argon2-jvm jar (never another one on the system), keeping {@code pooled} work
     * buffers sized for {@code typical}, and checks it against the Argon2id test vector of RFC 9106 §5.3.
     *
     * @throws IllegalStateException if there is no build for this platform, it does not load, or it computes wrong
     */
    static NativeArgon2id load(int pooled, Argon2Cost typical) {
        File extracted;
        Libargon2 library;
        try {
            extracted = Native.extractFromResourcePath("argon2", NativeArgon2id.class.getClassLoader());
            library = Native.load(extracted.getAbsolutePath(), Libargon2.class);
        } catch (IOException | UnsatisfiedLinkError unusable) {
            throw new IllegalStateException("cannot load libargon2 for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + " (temporary directory: jna.tmpdir): " + unusable.getMessage(), unusable);
        }
        var argon2 = new NativeArgon2id(library, extracted.getAbsolutePath(), new Argon2WorkMemory(pooled, typical.workBytes()));
        extracted.delete(); // mapped by now: nothing is left behind in the temporary directory, even after a kill -9
        argon2.selfTest();
        return argon2;
    }

    /** The file libargon2 was loaded from (deleted after loading), for the start-up log. */
    String libraryFile() {
        return libraryFile;
    }

    /** The Argon2id tag of {@code password} with {@code salt} at {@code cost}, {@code tagLength} bytes long. */
    byte[] tag(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
        return compute(password, salt, NONE, NONE, cost, tagLength);
    }

    private void selfTest() {
        byte[] expected = HexFormat.of().parseHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
        byte[] tag = compute(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), new Argon2Cost(32, 3, 4), 32);
        if (!Arrays.equals(expected, tag)) {
            throw new IllegalStateException("libargon2 at " + libraryFile + " fails the RFC 9106 Argon2id test vector");
        }
    }

    private byte[] compute(byte[] password, byte[] salt, byte[] secret, byte[] associated, Argon2Cost cost, int tagLength) {
        Argon2WorkMemory.Lease work = memory.lease();
        try (Memory pwd = copy(password); Memory saltCopy = copy(salt); Memory secretCopy = copy(secret);
                Memory associatedCopy = copy(associated); Memory out = new Memory(tagLength)) {
            var context = new Argon2_context.ByReference();
            context.out = out;
            context.outlen = new JnaUint32(tagLength);
            context.pwd = pwd;
            context.pwdlen = new JnaUint32(password.length);
            context.salt = saltCopy;
            context.saltlen = new JnaUint32(salt.length);
            context.secret = secretCopy;
            context.secretlen = new JnaUint32(secret.length);
            context.ad = associatedCopy;
            context.adlen = new JnaUint32(associated.length);
            context.t_cost = new JnaUint32(cost.iterations());
            context.m_cost = new JnaUint32(cost.memoryKiB());
            context.lanes = new JnaUint32(cost.parallelism());
            context.threads = new JnaUint32(1); // lanes run one after another: the gate already uses every core
            context.version = new Argon2_version(VERSION_13);
            context.allocate_cbk = work.allocate;
            context.free_cbk = work.release;
            context.flags = new JnaUint32(FLAG_CLEAR_PASSWORD);
            int status = library.argon2id_ctx(context);
            if (status != ARGON2_OK) {
                throw new IllegalStateException("libargon2: " + library.argon2_error_message(status));
            }
            return out.getByteArray(0, tagLength);
        } finally {
            memory.giveBack(work);
        }
    }

    /** A native copy of {@code bytes}, or null (a null pointer for libargon2) when there are none. */
    private static Memory copy(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        var copy = new Memory(bytes.length);
        copy.write(0, bytes, 0, bytes.length);
        return copy;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
