package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link SpringCases} on pgjdbc (the judge) and on Tusk. */
class SpringIT {
    @Nested
    class OnPgjdbc extends SpringCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends SpringCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
