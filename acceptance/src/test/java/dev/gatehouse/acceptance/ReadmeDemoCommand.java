package dev.gatehouse.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command of the README's "Try the browser demo", read from the README itself (the {@code gatehouse.readme}
 * system property, set by the build), so that the test runs what a reader copies: its {@code -D} flags in their
 * order, with {@code localhost:8080} moved to a free port, which {@code micronaut.server.port} then names.
 */
final class ReadmeDemoCommand {

    private static final String SECTION = "## Try the browser demo";
    private static final Pattern FLAG = Pattern.compile("-D([\\w.-]+)=(\\S+)");

    private ReadmeDemoCommand() {
    }

    static JarLaunch onPort(int port) {
        String command = command();
        Map<String, String> flags = new LinkedHashMap<>();
        Matcher flag = FLAG.matcher(command);
        while (flag.find()) {
            flags.put(flag.group(1), flag.group(2).replace("localhost:8080", "localhost:" + port));
        }
        flags.putIfAbsent("micronaut.server.port", String.valueOf(port));
        return JarLaunch.withProperties(flags);
    }

    /** The first {@code sh} block of the section; it must run the reactor's jar with {@code java ... -jar}. */
    private static String command() {
        Path readme = Path.of(System.getProperty("gatehouse.readme", "../README.md"));
        String text;
        try {
            text = Files.readString(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int section = text.indexOf(SECTION);
        int start = text.indexOf("```sh\n", section);
        int end = text.indexOf("```", start + 6);
        if (section < 0 || start < 0 || end < 0) {
            throw new AssertionError(readme + " has no sh block under \"" + SECTION + "\"");
        }
        String command = text.substring(start + 6, end).replace("\\\n", " ");
        if (!command.strip().startsWith("java ") || !command.contains("-jar bootstrap/target/gatehouse.jar")) {
            throw new AssertionError("the README's demo command no longer runs java ... -jar bootstrap/target/gatehouse.jar: " + command);
        }
        return command;
    }
}
