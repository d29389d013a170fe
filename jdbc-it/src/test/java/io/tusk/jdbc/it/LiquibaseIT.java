package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link LiquibaseCases} on pgjdbc (the judge) and on Tusk. */
class LiquibaseIT {
    @Nested
    class OnPgjdbc extends LiquibaseCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends LiquibaseCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
