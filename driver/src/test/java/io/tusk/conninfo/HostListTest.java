package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.ProgrammingException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** Expanding host, hostaddr and port lists, and choosing the default host. */
class HostListTest {

    private static List<HostSpec> hosts(String conninfo) {
        return hosts(conninfo, path -> false);
    }

    private static List<HostSpec> hosts(String conninfo, Predicate<Path> sockets) {
        Environment env = Environment.builder().userName("u").socketProbe(sockets).build();
        return Conninfo.parse(conninfo).resolve(env).hosts();
    }

    @Test
    void onePortAppliesToEveryHost() {
        assertEquals(List.of(HostSpec.tcp("a", 5433), HostSpec.tcp("b", 5433)), hosts("host=a,b port=5433"));
    }

    @Test
    void onePortPerHost() {
        assertEquals(List.of(HostSpec.tcp("host1", 123), HostSpec.tcp("host2", 456)),
                hosts("postgresql://host1:123,host2:456/somedb"));
    }

    @Test
    void emptyPortElementMeansTheDefaultPort() {
        assertEquals(List.of(HostSpec.tcp("host1", 5433), HostSpec.tcp("host2", 5432)),
                hosts("postgresql://host1:5433,host2"));
    }

    @Test
    void portListLongerThanHostListIsAnError() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> hosts("host=a,b port=1,2,3"));
        assertTrue(e.getMessage().startsWith("could not match 3 port numbers to 2 hosts"), e.getMessage());
    }

    @Test
    void hostNamesMustMatchHostaddrValues() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> hosts("host=a,b,c hostaddr=10.0.0.1,10.0.0.2"));
        assertTrue(e.getMessage().startsWith("could not match 3 host names to 2 hostaddr values"), e.getMessage());
    }

    @Test
    void hostaddrGoesOverTcpAndKeepsTheName() {
        HostSpec h = hosts("host=db.example.com hostaddr=192.0.2.10 port=5433").get(0);
        assertEquals("db.example.com", h.host().orElseThrow());
        assertEquals("192.0.2.10", h.hostaddr().orElseThrow());
        assertEquals("192.0.2.10", h.address());
        assertFalse(h.isUnixSocket());
        assertEquals("db.example.com (192.0.2.10):5433", h.toString());
    }

    @Test
    void hostaddrAloneHasNoHostName() {
        HostSpec h = hosts("hostaddr=::1").get(0);
        assertTrue(h.host().isEmpty());
        assertEquals("[::1]:5432", h.toString());
    }

    @Test
    void hostaddrMustBeNumeric() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> hosts("hostaddr=db.example.com"));
        assertTrue(e.getMessage().startsWith("could not parse network address \"db.example.com\""), e.getMessage());
        assertThrows(ProgrammingException.class, () -> hosts("hostaddr=300.1.1.1"));
        assertThrows(ProgrammingException.class, () -> hosts("hostaddr=g::1"));
    }

    @Test
    void slashMeansUnixSocketDirectory() {
        HostSpec h = hosts("host=/var/lib/postgresql port=5433").get(0);
        assertTrue(h.isUnixSocket());
        assertFalse(h.isAbstractSocket());
        assertEquals("/var/lib/postgresql/.s.PGSQL.5433", h.socketPath());
    }

    @Test
    void atSignMeansAbstractSocket() {
        HostSpec h = hosts("host=@pg").get(0);
        assertTrue(h.isUnixSocket());
        assertTrue(h.isAbstractSocket());
        assertEquals("@pg/.s.PGSQL.5432", h.socketPath());
    }

    @Test
    void percentEncodedSocketDirectoryInUri() {
        HostSpec h = hosts("postgresql://%2Ftmp:5433/db").get(0);
        assertTrue(h.isUnixSocket());
        assertEquals("/tmp/.s.PGSQL.5433", h.socketPath());
    }

    @Test
    void tcpHostHasNoSocketPath() {
        assertThrows(IllegalStateException.class, () -> HostSpec.tcp("a", 1).socketPath());
    }

    @Test
    void defaultHostIsTheFirstSocketDirectoryWithASocket() {
        assertEquals(List.of(HostSpec.unixSocket("/var/run/postgresql", 5432)),
                hosts("", p -> p.equals(Path.of("/var/run/postgresql/.s.PGSQL.5432"))));
        assertEquals(List.of(HostSpec.unixSocket("/tmp", 5432)),
                hosts("", p -> p.equals(Path.of("/tmp/.s.PGSQL.5432"))));
        assertEquals(List.of(HostSpec.unixSocket("/var/run/postgresql", 5432)),
                hosts("", p -> true), "/var/run/postgresql is probed first");
    }

    @Test
    void socketProbeUsesThePort() {
        Predicate<Path> only5433 = p -> p.equals(Path.of("/tmp/.s.PGSQL.5433"));
        assertEquals(List.of(HostSpec.tcp("localhost", 5432)), hosts("", only5433));
        assertEquals(List.of(HostSpec.unixSocket("/tmp", 5433)), hosts("port=5433", only5433));
    }

    @Test
    void emptyHostElementTakesTheDefault() {
        assertEquals(List.of(HostSpec.tcp("a", 5432), HostSpec.unixSocket("/tmp", 5432)),
                hosts("host=a,", p -> p.startsWith("/tmp")));
    }

    @Test
    void windowsHasNoDefaultSocket() {
        Environment env = Environment.builder().userName("u").windows(true).socketProbe(p -> true).build();
        assertEquals(List.of(HostSpec.tcp("localhost", 5432)), Conninfo.empty().resolve(env).hosts());
    }

    @Test
    void randomLoadBalancingShufflesAndDisableKeepsOrder() {
        Environment env = Environment.builder().userName("u").build();
        String list = "host=h1,h2,h3,h4,h5,h6,h7,h8";
        ConnectionSettings ordered = Conninfo.parse(list).resolve(env);
        assertEquals(ordered.hosts(), ordered.connectionOrder(new Random(1)));
        ConnectionSettings random = Conninfo.parse(list + " load_balance_hosts=random").resolve(env);
        List<List<HostSpec>> orders = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            List<HostSpec> order = random.connectionOrder(new Random(seed));
            assertEquals(new java.util.HashSet<>(random.hosts()), new java.util.HashSet<>(order));
            orders.add(order);
        }
        assertTrue(orders.stream().anyMatch(o -> !o.equals(random.hosts())), "some seed changes the order");
    }
}
