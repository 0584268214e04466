package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JvmFlagsTest {
    private static List<String> flags(String version) {
        return JvmFlags.forJdk(Runtime.Version.parse(version));
    }

    @Test
    void unsafeMemoryAccessOnlyFromJdk24AndNativeAccessFromJdk22() {
        assertEquals(List.of(), flags("21"));
        assertEquals(List.of(), flags("21.0.5+11-LTS"));
        assertEquals(List.of(JvmFlags.NATIVE_ACCESS), flags("22"));
        assertEquals(List.of(JvmFlags.NATIVE_ACCESS), flags("23.0.2"));
        assertEquals(List.of(JvmFlags.NATIVE_ACCESS, JvmFlags.UNSAFE_ALLOW), flags("24"));
        assertEquals(List.of(JvmFlags.NATIVE_ACCESS, JvmFlags.UNSAFE_ALLOW), flags("25.0.1+8-LTS"));
        assertEquals("--sun-misc-unsafe-memory-access=allow", JvmFlags.UNSAFE_ALLOW);
        assertEquals("--enable-native-access=ALL-UNNAMED", JvmFlags.NATIVE_ACCESS);
    }

    @Test
    void readsTheVersionOfAJdkFromItsReleaseFile(@TempDir Path jdk) throws Exception {
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"21.0.5\"\n");

        assertEquals(Optional.of(Runtime.Version.parse("21.0.5")), JvmFlags.versionOf(jdk.resolve("bin").resolve("java")));
    }

    @Test
    @Timeout(60)
    void readsThisJvmsVersionAndNothingFromAPathThatIsNoJvm(@TempDir Path dir) {
        assertEquals(Runtime.version().feature(), JvmFlags.versionOf(JvmFlags.thisJava()).orElseThrow().feature());
        assertEquals(Optional.empty(), JvmFlags.versionOf(dir.resolve("bin").resolve("java")));
    }
}
