package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.pgpass: matching, wildcards, escapes, permissions, and the per-host lookup. */
class PassFileTest {

    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "the permission rule is POSIX-only");
    }

    private Path pgpass(String text, String permissions) throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private ConnectionSettings resolve(String conninfo) {
        return resolve(conninfo, path -> false);
    }

    private ConnectionSettings resolve(String conninfo, java.util.function.Predicate<Path> sockets) {
        Environment env = Environment.builder().userName("alice").homeDirectory(home).socketProbe(sockets).build();
        return Conninfo.parse(conninfo).resolve(env);
    }

    private Optional<String> passwordOfFirstHost(String conninfo) {
        ConnectionSettings s = resolve(conninfo);
        return s.passwordFor(s.hosts().get(0));
    }

    @Test
    void exactLineMatches() throws Exception {
        pgpass("db.example.com:5432:sales:alice:s3cret\n", "rw-------");
        assertEquals(Optional.of("s3cret"), passwordOfFirstHost("host=db.example.com dbname=sales"));
        assertEquals(Optional.empty(), passwordOfFirstHost("host=db.example.com dbname=other"));
        assertEquals(Optional.empty(), passwordOfFirstHost("host=db.example.com port=5433 dbname=sales"));
        assertEquals(Optional.empty(), passwordOfFirstHost("host=db.example.com dbname=sales user=bob"));
    }

    @Test
    void firstMatchingLineWinsAndWildcardsMatchAnything() throws Exception {
        pgpass("# comment line\n\ndb1:*:*:alice:one\n*:*:*:*:fallback\n", "rw-------");
        assertEquals(Optional.of("one"), passwordOfFirstHost("host=db1 port=6543 dbname=x"));
        assertEquals(Optional.of("fallback"), passwordOfFirstHost("host=db2 dbname=x user=bob"));
    }

    @Test
    void escapedColonAndBackslashInFields() throws Exception {
        pgpass("fe80\\:\\:1:5432:db:alice:pa\\:ss\\\\word:ignored\n", "rw-------");
        assertEquals(Optional.of("pa:ss\\word"), passwordOfFirstHost("host=fe80::1 dbname=db"));
    }

    @Test
    void windowsLineEndingsAreStripped() throws Exception {
        pgpass("h:5432:db:alice:pw\r\n", "rw-------");
        assertEquals(Optional.of("pw"), passwordOfFirstHost("host=h dbname=db"));
    }

    @Test
    void asteriskInsideAFieldIsLiteral() throws Exception {
        pgpass("db*:5432:db:alice:pw\n", "rw-------");
        assertEquals(Optional.empty(), passwordOfFirstHost("host=db1 dbname=db"));
        assertEquals(Optional.of("pw"), passwordOfFirstHost("host=db* dbname=db"));
    }

    @Test
    void lineWithTooFewFieldsNeverMatches() throws Exception {
        pgpass("h:5432:db:alice\n", "rw-------");
        assertEquals(Optional.empty(), passwordOfFirstHost("host=h dbname=db"));
    }

    @Test
    void groupOrWorldReadableFileIsIgnoredWithAWarning() throws Exception {
        Path file = pgpass("*:*:*:*:pw\n", "rw-r--r--");
        ConnectionSettings s = resolve("host=h");
        assertEquals(Optional.empty(), s.passwordFor(s.hosts().get(0)));
        assertEquals(List.of("password file \"" + file
                + "\" has group or world access; permissions should be u=rw (0600) or less"), s.warnings());
    }

    @Test
    void groupWritableAloneIsAlsoRefused() throws Exception {
        pgpass("*:*:*:*:pw\n", "rw--w----");
        assertEquals(Optional.empty(), passwordOfFirstHost("host=h"));
    }

    @Test
    void ownerOnlyReadIsEnough() throws Exception {
        pgpass("*:*:*:*:pw\n", "r--------");
        assertEquals(Optional.of("pw"), passwordOfFirstHost("host=h"));
    }

    @Test
    void directoryInsteadOfFileIsIgnoredWithAWarning() throws Exception {
        Files.createDirectory(home.resolve(".pgpass"));
        ConnectionSettings s = resolve("host=h");
        assertEquals(Optional.empty(), s.passwordFor(s.hosts().get(0)));
        assertTrue(s.warnings().get(0).endsWith("is not a plain file"), s.warnings().toString());
    }

    @Test
    void missingFileIsSilent() {
        ConnectionSettings s = resolve("host=h");
        assertEquals(Optional.empty(), s.passwordFor(s.hosts().get(0)));
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    void explicitPasswordComesFirstAndTheFileIsNotRead() throws Exception {
        pgpass("*:*:*:*:fromfile\n", "rw-r--r--");
        ConnectionSettings s = resolve("host=h password=explicit");
        assertEquals(Optional.of("explicit"), s.passwordFor(s.hosts().get(0)));
        assertTrue(s.warnings().isEmpty(), "the file is not even looked at");
        assertTrue(s.passwordFileUsedFor(s.hosts().get(0)).isEmpty());
    }

    @Test
    void emptyPasswordMeansLookInTheFile() throws Exception {
        Path file = pgpass("*:*:*:*:fromfile\n", "rw-------");
        ConnectionSettings s = resolve("host=h password=''");
        assertEquals(Optional.of("fromfile"), s.passwordFor(s.hosts().get(0)));
        assertEquals(Optional.of(file), s.passwordFileUsedFor(s.hosts().get(0)));
    }

    @Test
    void passwordIsLookedUpPerHost() throws Exception {
        pgpass("db1:5432:*:*:one\ndb2:5433:*:*:two\n", "rw-------");
        ConnectionSettings s = resolve("host=db1,db2,db3 port=5432,5433,5432");
        assertEquals(Optional.of("one"), s.passwordFor(s.hosts().get(0)));
        assertEquals(Optional.of("two"), s.passwordFor(s.hosts().get(1)));
        assertEquals(Optional.empty(), s.passwordFor(s.hosts().get(2)));
    }

    @Test
    void localhostMatchesTheDefaultSocketDirectory() throws Exception {
        pgpass("localhost:5432:*:*:local\n", "rw-------");
        ConnectionSettings viaSocket = resolve("", p -> p.startsWith("/var/run/postgresql"));
        assertTrue(viaSocket.hosts().get(0).isUnixSocket());
        assertEquals(Optional.of("local"), viaSocket.passwordFor(viaSocket.hosts().get(0)));
        ConnectionSettings explicitDir = resolve("host=/tmp");
        assertEquals(Optional.of("local"), explicitDir.passwordFor(explicitDir.hosts().get(0)));
        ConnectionSettings otherDir = resolve("host=/srv/pg");
        assertEquals(Optional.empty(), otherDir.passwordFor(otherDir.hosts().get(0)));
    }

    @Test
    void hostaddrIsTheKeyWhenNoHostNameIsGiven() throws Exception {
        pgpass("10.0.0.5:5432:*:*:byaddr\ndb:5432:*:*:byname\n", "rw-------");
        assertEquals(Optional.of("byaddr"), passwordOfFirstHost("hostaddr=10.0.0.5"));
        assertEquals(Optional.of("byname"), passwordOfFirstHost("host=db hostaddr=10.0.0.5"));
    }

    @Test
    void passfileParameterAndPgpassfileVariable() throws Exception {
        Path other = home.resolve("other-pass");
        Files.writeString(other, "*:*:*:*:other\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Optional.of("other"), passwordOfFirstHost("host=h passfile=" + other));
        Environment env = Environment.builder().userName("alice").homeDirectory(home)
                .variable("PGPASSFILE", other.toString()).build();
        ConnectionSettings s = Conninfo.parse("host=h").resolve(env);
        assertEquals(Optional.of("other"), s.passwordFor(s.hosts().get(0)));
    }

    @Test
    void pgpasswordVariableBeatsTheFile() throws Exception {
        pgpass("*:*:*:*:fromfile\n", "rw-------");
        Environment env = Environment.builder().userName("alice").homeDirectory(home)
                .variable("PGPASSWORD", "fromenv").build();
        ConnectionSettings s = Conninfo.parse("host=h").resolve(env);
        assertEquals(Optional.of("fromenv"), s.passwordFor(s.hosts().get(0)));
    }
}
