package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link JooqCases} on pgjdbc (the judge) and on Tusk. */
class JooqIT {
    @Nested
    class OnPgjdbc extends JooqCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends JooqCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
