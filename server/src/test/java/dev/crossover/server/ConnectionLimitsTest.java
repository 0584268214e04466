package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionLimitsTest {
    @TempDir
    Path proc;

    private void machine(long openFiles, String ports, int somaxconn) throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("sys/net/ipv4"));
        Files.createDirectories(proc.resolve("sys/net/core"));
        Files.writeString(proc.resolve("self/limits"), "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max open files            " + openFiles + "                " + openFiles + "                files\n");
        Files.writeString(proc.resolve("sys/net/ipv4/ip_local_port_range"), ports + "\n");
        Files.writeString(proc.resolve("sys/net/core/somaxconn"), somaxconn + "\n");
    }

    @Test
    void tenThousandFitOnAWideMachine() throws IOException {
        machine(20_000, "32768\t60999", 16_384);
        assertEquals(List.of(), ConnectionLimits.check(10_000, proc));
    }

    @Test
    void tooFewOpenFilesFailWithTheLimitAndHowToRaiseIt() throws IOException {
        machine(1024, "32768\t60999", 16_384);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionLimits.check(10_000, proc));
        assertEquals("concurrency: 10000 (expected: at most 512 with ulimit -n 1024; raise it: ulimit -n 10512)", e.getMessage());
    }

    @Test
    void tooFewPortsFailWithTheRangeAndHowToWidenIt() throws IOException {
        machine(100_000, "60000 60999", 16_384);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionLimits.check(10_000, proc));
        assertTrue(e.getMessage().startsWith("concurrency: 10000 (expected: at most 1000, the ports of "
                + "net.ipv4.ip_local_port_range; widen it: sysctl"), e.getMessage());
    }

    @Test
    void aSmallBacklogIsAWarning() throws IOException {
        machine(100_000, "32768 60999", 4096);
        List<String> warnings = ConnectionLimits.check(10_000, proc);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("backlog: net.core.somaxconn is 4096, below 10000 connections"), warnings.get(0));
    }

    @Test
    void thisMachineIsReadable() {
        ConnectionLimits.check(1);  // the real /proc parses (no exception for one connection)
    }
}
