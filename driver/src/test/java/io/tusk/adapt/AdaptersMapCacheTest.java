package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Resolved dumpers are cached per layer, and every registration is still seen at once. */
class AdaptersMapCacheTest {
    /** A class no built-in dumper knows. */
    private record Money(long cents) {
    }

    private static Dumper<Money> dumper(int oid) {
        return new Dumper<>() {
            @Override
            public int oid() {
                return oid;
            }

            @Override
            public Format format() {
                return Format.TEXT;
            }

            @Override
            public byte[] dump(Money m) {
                return String.valueOf(m.cents()).getBytes(StandardCharsets.US_ASCII);
            }
        };
    }

    @Test
    void aChildSeesWhatItsParentRegistersAfterALookup() {
        AdaptersMap parent = AdaptersMap.global().child();
        AdaptersMap child = parent.child();
        assertNull(child.dumper(Money.class, Format.TEXT), "nothing registered yet (and the miss is cached)");
        Dumper<Money> d = dumper(790);
        parent.registerDumper(Money.class, Format.TEXT, d);
        assertSame(d, child.dumper(Money.class, Format.TEXT));
    }

    @Test
    void aRegistrationOnTheChildOverridesTheCachedParentChoice() {
        AdaptersMap parent = AdaptersMap.global().child();
        AdaptersMap child = parent.child();
        Dumper<Money> first = dumper(790);
        parent.registerDumper(Money.class, Format.TEXT, first);
        assertSame(first, child.dumper(Money.class, Format.TEXT));
        Dumper<Money> second = dumper(1700);
        child.registerDumper(Money.class, Format.TEXT, second);
        assertSame(second, child.dumper(Money.class, Format.TEXT));
        assertSame(first, parent.dumper(Money.class, Format.TEXT), "the parent keeps its own");
    }
}
