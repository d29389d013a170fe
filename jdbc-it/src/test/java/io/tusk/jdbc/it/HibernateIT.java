package io.tusk.jdbc.it;

import org.junit.jupiter.api.Nested;

/** {@link HibernateCases} on pgjdbc (the judge) and on Tusk. */
class HibernateIT {
    @Nested
    class OnPgjdbc extends HibernateCases {
        OnPgjdbc() {
            super(Side.PGJDBC);
        }
    }

    @Nested
    class OnTusk extends HibernateCases {
        OnTusk() {
            super(Side.TUSK);
        }
    }
}
