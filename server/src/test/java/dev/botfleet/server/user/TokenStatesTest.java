package dev.botfleet.server.user;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokenStates}: an account's token state kept in memory is what the database has stored after every write of
 * {@link UserRepository} has committed — a revoked, disabled or deleted account's old tokens are refused from the next
 * request on — and a read that raced a change never keeps what it read before it.
 */
class TokenStatesTest {
    private static final String URL = "jdbc:h2:mem:token-states-%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private final UUID account = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-12-06T00:00:00Z");
    private SingleConnectionDataSource data;
    private JdbcClient jdbc;
    private TokenStates states;
    private UserRepository users;

    @BeforeEach
    void database() {
        // one connection throughout, as OwnedBotTest explains
        data = new SingleConnectionDataSource(URL.formatted(UUID.randomUUID()), "sa", "", true);
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(data);
        states = new TokenStates(jdbc, false);
        users = new UserRepository(jdbc, states);
        users.insert(new User(account, "a@example.com", "x", Role.USER, 0, now, now, null));
    }

    @AfterEach
    void close() {
        data.destroy();
    }

    private static TokenStates.TokenState state(int version, boolean disabled) {
        return new TokenStates.TokenState(version, disabled);
    }

    private void setVersionBehindItsBack(int version) {
        jdbc.sql("UPDATE users SET token_version = :v WHERE id = :id").param("v", version).param("id", account).update();
    }

    @Test
    void aReadStateIsKeptUntilTheAccountsWritesTellOfAChange() {
        assertThat(states.of(account)).contains(state(0, false));
        setVersionBehindItsBack(7);  // told to no one: the kept state answers (this is the query each request saves)
        assertThat(states.of(account)).contains(state(0, false));

        users.revokeTokens(account, now);
        assertThat(states.of(account)).contains(state(8, false));
        users.changePassword(account, "y", now);
        assertThat(states.of(account)).contains(state(9, false));
        users.disable(account, now);
        assertThat(states.of(account)).contains(state(10, true));
        users.enable(account, now);
        assertThat(states.of(account)).contains(state(10, false));
        users.delete(account);
        assertThat(states.of(account)).isEmpty();
    }

    @Test
    void aChangeIsToldOnlyOnceItsTransactionCommits() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(data));
        assertThat(states.of(account)).contains(state(0, false));
        tx.executeWithoutResult(status -> {
            users.revokeTokens(account, now);
            status.setRollbackOnly();
        });
        assertThat(states.known).containsEntry(account, state(0, false));
        assertThat(states.of(account)).contains(state(0, false));
        tx.executeWithoutResult(status -> {
            users.revokeTokens(account, now);
            // not committed yet: what is kept is still the stored state
            assertThat(states.known).containsEntry(account, state(0, false));
        });
        assertThat(states.known).doesNotContainKey(account);
        assertThat(states.of(account)).contains(state(1, false));
    }

    @Test
    void aReadThatRacedAChangeDoesNotKeepWhatItReadBeforeIt() {
        states.afterQuery = () -> {
            states.afterQuery = () -> { };
            users.revokeTokens(account, now);  // committed and told between the read's query and its keeping
        };
        assertThat(states.of(account)).contains(state(0, false));  // what it read, answered once
        assertThat(states.known).doesNotContainKey(account);
        assertThat(states.of(account)).contains(state(1, false));
    }

    @Test
    void inAClusterTheRowIsReadEveryTime() {
        TokenStates clustered = new TokenStates(jdbc, true);
        assertThat(clustered.of(account)).contains(state(0, false));
        setVersionBehindItsBack(3);  // another node's write, told to no one here
        assertThat(clustered.of(account)).contains(state(3, false));
        assertThat(clustered.known).isEmpty();
    }

    @Test
    void anUnknownAccountIsNotKept() {
        UUID stranger = UUID.randomUUID();
        assertThat(states.of(stranger)).isEqualTo(Optional.empty());
        assertThat(states.known).doesNotContainKey(stranger);
        users.insert(new User(stranger, "b@example.com", "x", Role.USER, 0, now, now, null));
        assertThat(states.of(stranger)).contains(state(0, false));
    }
}
