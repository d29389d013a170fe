package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link FlywayCases} on pgjdbc (the judge) and on Tusk. */
class FlywayIT {
    @Nested
    class OnPgjdbc extends FlywayCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends FlywayCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
