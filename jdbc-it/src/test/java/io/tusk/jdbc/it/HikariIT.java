package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link HikariCases} on pgjdbc (the judge) and on Tusk. */
class HikariIT {
    @Nested
    class OnPgjdbc extends HikariCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends HikariCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
