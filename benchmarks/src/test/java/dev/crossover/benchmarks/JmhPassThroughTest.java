package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JmhPassThroughTest {
    private static final String JDK25_FLAGS = JvmFlags.NATIVE_ACCESS + " " + JvmFlags.UNSAFE_ALLOW;
    private static final Function<Path, Optional<Runtime.Version>> JDK21_AT_OPT =
            p -> p.equals(Path.of("/opt/jdk21/bin/java")) ? Optional.of(Runtime.Version.parse("21.0.5"))
                    : p.equals(Path.of("/opt/jdk25/bin/java")) ? Optional.of(Runtime.Version.parse("25")) : Optional.empty();

    @Test
    void forksOfThisJvmGetItsFlagsBeforeTheirOwnOptions() {
        List<String> expected = JvmFlags.forThisJdk().isEmpty() ? List.of("SleepBenchmark", "-f", "1")
                : List.of("-jvmArgsPrepend", String.join(" ", JvmFlags.forThisJdk()), "SleepBenchmark", "-f", "1");

        assertEquals(expected, JmhPassThrough.withForkFlags(List.of("SleepBenchmark", "-f", "1"), JDK21_AT_OPT));
    }

    @Test
    void theJvmNamedByJvmDecidesTheFlags() {
        assertEquals(List.of("-jvm", "/opt/jdk21/bin/java", "-l"),
                JmhPassThrough.withForkFlags(List.of("-jvm", "/opt/jdk21/bin/java", "-l"), JDK21_AT_OPT),
                "a JDK 21 would refuse the unsafe flag");
        assertEquals(List.of("-jvmArgsPrepend", JDK25_FLAGS, "-jvm=/opt/jdk25/bin/java", "X"),
                JmhPassThrough.withForkFlags(List.of("-jvm=/opt/jdk25/bin/java", "X"), JDK21_AT_OPT));
        assertEquals(List.of("-jvm", "/unknown/java", "X"),
                JmhPassThrough.withForkFlags(List.of("-jvm", "/unknown/java", "X"), JDK21_AT_OPT),
                "a JVM of unknown version gets nothing it might refuse");
    }

    @Test
    void aUsersPrependIsKeptJoinedToOneValueOrBesideSeveral() {
        assertEquals(List.of("-jvmArgsPrepend", JDK25_FLAGS + " -Da=1 -Db=2", "-jvm", "/opt/jdk25/bin/java", "X"),
                JmhPassThrough.withForkFlags(List.of("-jvm", "/opt/jdk25/bin/java", "-jvmArgsPrepend", "-Da=1 -Db=2", "X"),
                        JDK21_AT_OPT), "JMH splits one value at spaces");
        assertEquals(List.of("-jvmArgsPrepend", JDK25_FLAGS + " -Da=1", "-jvm", "/opt/jdk25/bin/java"),
                JmhPassThrough.withForkFlags(List.of("-jvm", "/opt/jdk25/bin/java", "-jvmArgsPrepend=-Da=1"), JDK21_AT_OPT));
        assertEquals(List.of("-jvmArgsPrepend", JvmFlags.NATIVE_ACCESS, "-jvmArgsPrepend", JvmFlags.UNSAFE_ALLOW,
                        "-jvmArgsPrepend", "-Da=1", "-jvmArgsPrepend", "-Db=2 x", "-jvm", "/opt/jdk25/bin/java"),
                JmhPassThrough.withForkFlags(List.of("-jvmArgsPrepend", "-Da=1", "-jvm", "/opt/jdk25/bin/java",
                        "-jvmArgsPrepend", "-Db=2 x"), JDK21_AT_OPT), "JMH takes several values one argument each");
    }
}
