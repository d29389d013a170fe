package io.tusk.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuskManagedConnectionFactoryTest {
    private static TuskManagedConnectionFactory mcf(String db, String password) {
        TuskManagedConnectionFactory f = new TuskManagedConnectionFactory();
        f.setServerName("db.example.com");
        f.setPortNumber(5433);
        f.setDatabaseName(db);
        f.setUser("app");
        f.setPassword(password);
        return f;
    }

    @Test
    void factoriesReachingTheSameDatabaseAsTheSameUserAreEqualWhateverThePassword() {
        assertEquals(mcf("app", "one"), mcf("app", "two"));
        assertEquals(mcf("app", "one").hashCode(), mcf("app", "two").hashCode());
    }

    @Test
    void factoriesOfDifferentDatabasesDiffer() {
        assertNotEquals(mcf("app", "x"), mcf("other", "x"));
    }

    @Test
    void toStringNeverShowsThePassword() {
        TuskManagedConnectionFactory f = mcf("app", "s3cr3t-value");
        f.setConnectionString("host=h password=s3cr3t-value");
        assertFalse(f.toString().contains("s3cr3t-value"), f.toString());
    }

    @Test
    void individualPropertiesBecomeLibpqParameters() {
        TuskManagedConnectionFactory f = mcf("app", "pw");
        f.setSslMode("verify-full");
        f.setApplicationName("orders");
        f.setConnectTimeout(7);
        assertEquals(Map.of("host", "db.example.com", "port", "5433", "dbname", "app", "user", "app", "password", "pw",
                "sslmode", "verify-full", "application_name", "orders", "connect_timeout", "7"),
                f.connectParameters(f.getUser(), f.getPassword()));
    }

    @Test
    void transactionSupportLevelIsReadFromItsProperty() {
        TuskManagedConnectionFactory f = mcf("app", "pw");
        assertNull(f.getTransactionSupport(), "unset: the deployment descriptor decides");
        f.setTransactionSupportLevel("LocalTransaction");
        assertEquals(TransactionSupportLevel.LocalTransaction, f.getTransactionSupport());
        f.setTransactionSupportLevel("notransaction");
        assertEquals(TransactionSupportLevel.NoTransaction, f.getTransactionSupport());
    }

    @Test
    void unknownTransactionSupportLevelIsRejectedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mcf("app", "pw").setTransactionSupportLevel("Distributed"));
        assertEquals("TransactionSupportLevel 'Distributed' is not one of XATransaction, LocalTransaction, NoTransaction", e.getMessage());
    }
}
