package dev.crossover.eventloop.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contract on Netty's native epoll transport. The build ships its {@code linux-x86_64}
 * library, so on such a machine the model must be available: a test that skipped itself there
 * would hide a transport that silently stopped loading.
 */
class NettyEpollModelTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return Models.create("netty-epoll", ModelOptions.defaults());
    }

    @Override
    protected boolean supportsFanout() {
        return true;
    }

    @Test
    void isAvailableOnLinuxX86() {
        boolean linuxX86 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertTrue(linuxX86, "these tests run on linux-x86_64, the transport the build ships");
        assertEquals("", new NettyEpollProvider().unavailable().orElse(""));
    }

    @Test
    void runsOnTheEpollLoop() {
        try (ConcurrencyModel model = newModel()) {
            assertEquals("netty-epoll", model.id());
            assertTrue(((NettyModel) model).loop().isIoType(io.netty.channel.epoll.EpollIoHandler.class),
                    "the loop's I/O handler is epoll's");
        }
    }
}
