package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.ProgrammingException;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection service file: sections, file search order and precedence. */
class ServiceFileTest {

    @TempDir
    Path home;

    @TempDir
    Path sysconf;

    private Environment.Builder env() {
        return Environment.builder().userName("alice").homeDirectory(home)
                .variable("PGSYSCONFDIR", sysconf.toString());
    }

    private void userFile(String text) throws Exception {
        Files.writeString(home.resolve(".pg_service.conf"), text);
    }

    @Test
    void serviceSectionFillsParameters() throws Exception {
        userFile("# comment\n[other]\nhost=wrong\n\n[mydb]\nhost=db.example.com\nport=5433\n"
                + "  dbname=sales  \nuser=app\n[later]\nuser=wrong\n");
        ConnectionSettings s = Conninfo.parse("service=mydb").resolve(env().build());
        assertEquals(HostSpec.tcp("db.example.com", 5433), s.hosts().get(0));
        assertEquals("sales", s.dbname(), "leading and trailing whitespace of a line is trimmed");
        assertEquals("app", s.user());
        assertEquals(home.resolve(".pg_service.conf"), s.serviceFile().orElseThrow());
        assertEquals("mydb", s.service().orElseThrow());
    }

    @Test
    void explicitParametersBeatTheService() throws Exception {
        userFile("[mydb]\nhost=svc\nuser=svcuser\n");
        ConnectionSettings s = Conninfo.parse("service=mydb user=me").resolve(env().build());
        assertEquals("svc", s.hosts().get(0).address());
        assertEquals("me", s.user());
    }

    @Test
    void serviceBeatsEnvironmentVariables() throws Exception {
        userFile("[mydb]\nhost=svc\n");
        ConnectionSettings s = Conninfo.parse("service=mydb")
                .resolve(env().variable("PGHOST", "envhost").variable("PGPORT", "6000").build());
        assertEquals(HostSpec.tcp("svc", 6000), s.hosts().get(0), "the service sets host, PGPORT fills port");
    }

    @Test
    void pgserviceVariableChoosesTheService() throws Exception {
        userFile("[fromenv]\ndbname=envsvc\n");
        ConnectionSettings s = Conninfo.empty().resolve(env().variable("PGSERVICE", "fromenv").build());
        assertEquals("envsvc", s.dbname());
    }

    @Test
    void firstValueOfAKeyInTheSectionWins() throws Exception {
        userFile("[s]\ndbname=first\ndbname=second\n");
        assertEquals("first", Conninfo.parse("service=s").resolve(env().build()).dbname());
    }

    @Test
    void valueIsTakenVerbatimAfterTheEqualsSign() throws Exception {
        userFile("[s]\noptions=-c search_path=a,b\r\napplication_name=my app\n");
        ConnectionSettings s = Conninfo.parse("service=s").resolve(env().build());
        assertEquals("-c search_path=a,b", s.options().orElseThrow());
        assertEquals("my app", s.applicationName().orElseThrow());
    }

    @Test
    void systemFileIsReadWhenTheUserFileLacksTheService() throws Exception {
        userFile("[other]\nhost=x\n");
        Files.writeString(sysconf.resolve("pg_service.conf"), "[shared]\nhost=central\n");
        ConnectionSettings s = Conninfo.parse("service=shared").resolve(env().build());
        assertEquals("central", s.hosts().get(0).address());
        assertEquals(sysconf.resolve("pg_service.conf"), s.serviceFile().orElseThrow());
    }

    @Test
    void userFileWinsOverSystemFile() throws Exception {
        userFile("[s]\nhost=mine\n");
        Files.writeString(sysconf.resolve("pg_service.conf"), "[s]\nhost=theirs\nport=7000\n");
        ConnectionSettings s = Conninfo.parse("service=s").resolve(env().build());
        assertEquals(HostSpec.tcp("mine", 5432), s.hosts().get(0), "sections are not merged across files");
    }

    @Test
    void servicefileParameterAndVariableChooseTheFile() throws Exception {
        Path custom = home.resolve("custom.conf");
        Files.writeString(custom, "[s]\nhost=custom\n");
        assertEquals("custom", Conninfo.parse("service=s servicefile=" + custom).resolve(env().build())
                .hosts().get(0).address());
        assertEquals("custom", Conninfo.parse("service=s")
                .resolve(env().variable("PGSERVICEFILE", custom.toString()).build()).hosts().get(0).address());
    }

    @Test
    void missingExplicitServiceFileIsAnError() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("service=s servicefile=" + home.resolve("nope.conf")).resolve(env().build()));
        assertTrue(e.getMessage().startsWith("service file \"" + home.resolve("nope.conf") + "\" not found"),
                e.getMessage());
    }

    @Test
    void unknownServiceIsAnError() throws Exception {
        userFile("[other]\nhost=x\n");
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("service=nosuch").resolve(env().build()));
        assertTrue(e.getMessage().startsWith("definition of service \"nosuch\" not found"), e.getMessage());
    }

    @Test
    void sectionNameMustMatchExactly() throws Exception {
        userFile("[mydb2]\nhost=x\n");
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("service=mydb").resolve(env().build()));
    }

    @Test
    void lineWithoutEqualsIsASyntaxError() throws Exception {
        userFile("[s]\nhost=a\njunk\n");
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("service=s").resolve(env().build()));
        assertTrue(e.getMessage().startsWith("syntax error in service file \"" + home.resolve(".pg_service.conf")
                + "\", line 3"), e.getMessage());
    }

    @Test
    void unknownKeyInTheServiceIsASyntaxError() throws Exception {
        userFile("[s]\nhots=a\n");
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("service=s").resolve(env().build()));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid connection option \"hots\""), e.getMessage());
    }

    @Test
    void errorsInOtherSectionsAreNotRead() throws Exception {
        userFile("[broken]\njunk\n[s]\nhost=a\n");
        assertEquals("a", Conninfo.parse("service=s").resolve(env().build()).hosts().get(0).address());
    }

    @Test
    void nestedServiceIsRefused() throws Exception {
        userFile("[s]\nservice=t\n");
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("service=s").resolve(env().build()));
        assertTrue(e.getMessage().startsWith("nested service specifications not supported"), e.getMessage());
    }

    @Test
    void invalidValueInTheServiceNamesTheService() throws Exception {
        userFile("[s]\nsslmode=on\n");
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("service=s").resolve(env().build()));
        assertTrue(e.getMessage().startsWith("invalid sslmode value: \"on\""), e.getMessage());
        assertTrue(e.getMessage().contains("service \"s\" in "), e.getMessage());
    }
}
