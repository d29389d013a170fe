package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link MyBatisCases} on pgjdbc (the judge) and on Tusk. */
class MyBatisIT {
    @Nested
    class OnPgjdbc extends MyBatisCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends MyBatisCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
