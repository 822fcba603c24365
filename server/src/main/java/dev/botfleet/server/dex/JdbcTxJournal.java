package dev.botfleet.server.dex;

import dev.botfleet.dex.tx.TxJournal;
import dev.botfleet.dex.tx.TxKind;
import dev.botfleet.dex.tx.TxRecord;
import dev.botfleet.dex.tx.TxStatus;
import dev.botfleet.server.common.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's {@link TxJournal}: table {@code dex_transactions} (V45). A save is its own committed statement (the
 * JdbcClient runs outside any transaction here), so a record is durable before the manager broadcasts it.
 *
 * <p>Records are per chain: a wallet has one nonce sequence per chain id, so every query filters by it. Each new
 * record is stamped with who it is for ({@link Origin}: owner, bot, client order id, purpose), which the transaction
 * list shows and a LIVE bot's restart uses to find its order's swap; a replacement or cancel inherits the origin of
 * the record it replaces.
 */
public final class JdbcTxJournal implements TxJournal {

    /** What a transaction is for. */
    public enum Purpose { SWAP, APPROVE, REVOKE, OTHER }

    /** Who a new record belongs to: the owner always; the bot and its order when a bot sent it. */
    public record Origin(UUID ownerId, UUID botId, String clientOrderId, Purpose purpose) {
        public Origin {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    private static final RowMapper<TxRecord> ROW = (rs, n) -> new TxRecord(rs.getString("hash"), rs.getString("wallet"),
            rs.getLong("chain_id"), big(rs.getBigDecimal("nonce")), TxKind.valueOf(rs.getString("kind")),
            rs.getString("replaces"), rs.getString("to_address"), big(rs.getBigDecimal("value_wei")), rs.getString("data"),
            big(rs.getBigDecimal("gas_limit")), big(rs.getBigDecimal("max_fee_per_gas")),
            big(rs.getBigDecimal("max_priority_fee_per_gas")), rs.getString("raw_tx"),
            TxStatus.valueOf(rs.getString("status")), (Long) rs.getObject("block_number", Long.class),
            rs.getString("reason"), Times.read(rs, "created_at"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String network;
    private final long chainId;
    private volatile Origin origin;

    public JdbcTxJournal(JdbcClient jdbc, Clock clock, String network, long chainId, Origin origin) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.network = network;
        this.chainId = chainId;
        this.origin = origin;
    }

    /** What the next new records are for (a bot sets it before each send: one writer per bot). */
    public void stamp(Origin next) {
        this.origin = Objects.requireNonNull(next);
    }

    public Origin origin() {
        return origin;
    }

    @Override
    public void save(TxRecord r) {
        if (update(r) == 1) return;
        try {
            insert(r);
        } catch (DuplicateKeyException race) {
            update(r);  // another writer inserted the same hash first: it is the same transaction
        }
    }

    private int update(TxRecord r) {
        return jdbc.sql("""
                        UPDATE dex_transactions SET status = :status, block_number = :block, reason = :reason,
                               updated_at = :now WHERE hash = :hash""")
                .param("status", r.status().name()).param("block", r.blockNumber()).param("reason", clip(r.reason()))
                .param("now", Times.sql(Times.now(clock))).param("hash", r.hash()).update();
    }

    private void insert(TxRecord r) {
        Origin o = r.replaces() == null ? origin : inherited(r.replaces()).orElse(origin);
        jdbc.sql("""
                        INSERT INTO dex_transactions (hash, owner_id, network, chain_id, wallet, nonce, kind, purpose,
                            bot_id, client_order_id, replaces, to_address, value_wei, data, gas_limit, max_fee_per_gas,
                            max_priority_fee_per_gas, raw_tx, status, block_number, reason, created_at, updated_at)
                        VALUES (:hash, :owner, :network, :chain, :wallet, :nonce, :kind, :purpose, :bot, :order,
                            :replaces, :to, :value, :data, :gas, :maxFee, :tip, :raw, :status, :block, :reason,
                            :created, :now)""")
                .param("hash", r.hash()).param("owner", o.ownerId()).param("network", network)
                .param("chain", r.chainId()).param("wallet", r.wallet()).param("nonce", dec(r.nonce()))
                .param("kind", r.kind().name()).param("purpose", o.purpose().name()).param("bot", o.botId())
                .param("order", o.clientOrderId()).param("replaces", r.replaces()).param("to", lower(r.to()))
                .param("value", dec(r.value())).param("data", r.data()).param("gas", dec(r.gasLimit()))
                .param("maxFee", dec(r.maxFeePerGas())).param("tip", dec(r.maxPriorityFeePerGas()))
                .param("raw", r.rawTx()).param("status", r.status().name()).param("block", r.blockNumber())
                .param("reason", clip(r.reason())).param("created", Times.sql(r.createdAt()))
                .param("now", Times.sql(Times.now(clock))).update();
    }

    private Optional<Origin> inherited(String replacedHash) {
        return jdbc.sql("SELECT owner_id, bot_id, client_order_id, purpose FROM dex_transactions WHERE hash = :h")
                .param("h", replacedHash.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new Origin(rs.getObject("owner_id", UUID.class), rs.getObject("bot_id", UUID.class),
                        rs.getString("client_order_id"), Purpose.valueOf(rs.getString("purpose"))))
                .optional();
    }

    /**
     * What the chain charged a mined transaction, kept for the transaction list: gas used and effective gas price (the
     * fee in native wei is their product) and, for a bot's transaction, that fee in the market's quote token.
     */
    public void recordGas(String hash, BigInteger gasUsed, BigInteger effectiveGasPrice, BigDecimal feeQuote,
                          String quoteAsset) {
        jdbc.sql("""
                        UPDATE dex_transactions SET gas_used = :used, effective_gas_price = :price, fee_quote = :fq,
                               fee_quote_asset = :asset WHERE hash = :hash""")
                .param("used", dec(gasUsed)).param("price", dec(effectiveGasPrice)).param("fq", feeQuote)
                .param("asset", quoteAsset).param("hash", hash.toLowerCase(Locale.ROOT)).update();
    }

    @Override
    public Optional<TxRecord> find(String hash) {
        return jdbc.sql("SELECT * FROM dex_transactions WHERE hash = :h").param("h", hash.toLowerCase(Locale.ROOT))
                .query(ROW).optional();
    }

    @Override
    public List<TxRecord> open(String wallet) {
        return jdbc.sql("""
                        SELECT * FROM dex_transactions WHERE chain_id = :chain AND wallet = :w
                          AND status IN ('SIGNED', 'SENT', 'MINED') ORDER BY nonce, created_at, hash""")
                .param("chain", chainId).param("w", wallet.toLowerCase(Locale.ROOT)).query(ROW).list();
    }

    @Override
    public List<TxRecord> atNonce(String wallet, BigInteger nonce) {
        return jdbc.sql("""
                        SELECT * FROM dex_transactions WHERE chain_id = :chain AND wallet = :w AND nonce = :n
                        ORDER BY created_at, hash""")
                .param("chain", chainId).param("w", wallet.toLowerCase(Locale.ROOT)).param("n", dec(nonce))
                .query(ROW).list();
    }

    @Override
    public Optional<BigInteger> highestNonce(String wallet) {
        BigDecimal max = jdbc.sql("""
                        SELECT MAX(nonce) FROM dex_transactions WHERE chain_id = :chain AND wallet = :w
                          AND status <> 'REJECTED'""")
                .param("chain", chainId).param("w", wallet.toLowerCase(Locale.ROOT)).query(BigDecimal.class)
                .optional().orElse(null);
        return Optional.ofNullable(max).map(JdbcTxJournal::big);
    }

    /** Every record a bot's order signed (its approvals and its swap, replacements included), in signing order. */
    public List<Stamped> ofOrder(UUID botId, String clientOrderId) {
        return jdbc.sql("""
                        SELECT * FROM dex_transactions WHERE bot_id = :bot AND client_order_id = :order
                        ORDER BY created_at, nonce, hash""")
                .param("bot", botId).param("order", clientOrderId)
                .query((rs, n) -> new Stamped(ROW.mapRow(rs, n), Purpose.valueOf(rs.getString("purpose"))))
                .list();
    }

    /** A record with what it was for. */
    public record Stamped(TxRecord record, Purpose purpose) {
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
    }

    private static String lower(String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    private static BigDecimal dec(BigInteger value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static BigInteger big(BigDecimal value) {
        return value == null ? null : value.toBigIntegerExact();
    }
}
