package dev.botfleet.server.dex;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The caller's DEX transactions, newest first, from the transaction journal (docs/api/bots.md "DEX transactions"):
 * everything their LIVE bots and wallet screen signed, with status, fees in native wei and in the quote token,
 * hash, nonce and the decoded revert reason. Filters: bot, wallet, status.
 */
@RestController
class DexTransactionController {
    private static final int LIMIT = 200;

    private final JdbcClient jdbc;

    DexTransactionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param feeWei   gas used × effective gas price once mined, else null
     * @param feeQuote that fee in the bot's quote token (feeQuoteAsset), null for transactions of no bot
     * @param reason   the node's refusal, the decoded revert reason, or who took the nonce; null when none
     */
    record TransactionView(String hash, String network, long chainId, String wallet, String nonce, String kind,
                           String purpose, UUID botId, String clientOrderId, String status, Long blockNumber,
                           String reason, String maxFeePerGas, String maxPriorityFeePerGas, String gasUsed,
                           String effectiveGasPrice, String feeWei, String feeNative, String feeQuote,
                           String feeQuoteAsset, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping("/api/v1/dex/transactions")
    public List<TransactionView> list(CurrentUser user, @RequestParam(required = false) String botId,
                                      @RequestParam(required = false) String wallet,
                                      @RequestParam(required = false) String status) {
        Violations v = new Violations();
        UUID bot = null;
        if (botId != null && !botId.isBlank()) {
            try {
                bot = UUID.fromString(botId.strip());
            } catch (IllegalArgumentException e) {
                v.add("botId", "must be a bot id (a UUID)", botId);
            }
        }
        String walletFilter = null;
        if (wallet != null && !wallet.isBlank()) {
            if (!wallet.strip().matches("0x[0-9a-fA-F]{40}")) v.add("wallet", "must be an address: 0x and 40 hex digits", wallet);
            else walletFilter = wallet.strip().toLowerCase(Locale.ROOT);
        }
        String statusFilter = null;
        if (status != null && !status.isBlank()) {
            statusFilter = status.strip().toUpperCase(Locale.ROOT);
            if (!List.of("SIGNED", "SENT", "MINED", "CONFIRMED", "FAILED", "REPLACED", "REJECTED").contains(statusFilter)) {
                v.add("status", "must be one of SIGNED, SENT, MINED, CONFIRMED, FAILED, REPLACED, REJECTED", status);
            }
        }
        v.throwIfAny();
        // one bot's by the bot's index (OwnedBot), else the owner's
        StringBuilder sql = new StringBuilder("SELECT * FROM dex_transactions WHERE ")
                .append(bot != null ? OwnedBot.ROWS : "owner_id = :owner");
        if (walletFilter != null) sql.append(" AND wallet = :wallet");
        if (statusFilter != null) sql.append(" AND status = :status");
        sql.append(" ORDER BY created_at DESC, nonce DESC LIMIT ").append(LIMIT);
        JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("owner", user.id());
        if (bot != null) query = query.param("bot", bot);
        if (walletFilter != null) query = query.param("wallet", walletFilter);
        if (statusFilter != null) query = query.param("status", statusFilter);
        return query.query((rs, n) -> {
            BigDecimal used = rs.getBigDecimal("gas_used");
            BigDecimal price = rs.getBigDecimal("effective_gas_price");
            BigDecimal fee = used == null || price == null ? null : used.multiply(price);
            BigDecimal feeQuote = rs.getBigDecimal("fee_quote");
            return new TransactionView(rs.getString("hash"), rs.getString("network"), rs.getLong("chain_id"),
                    rs.getString("wallet"), plain(rs.getBigDecimal("nonce")), rs.getString("kind"),
                    rs.getString("purpose"), rs.getObject("bot_id", UUID.class), rs.getString("client_order_id"),
                    rs.getString("status"), rs.getObject("block_number", Long.class), rs.getString("reason"),
                    plain(rs.getBigDecimal("max_fee_per_gas")), plain(rs.getBigDecimal("max_priority_fee_per_gas")),
                    plain(used), plain(price), plain(fee), fee == null ? null : fee.movePointLeft(18).stripTrailingZeros().toPlainString(),
                    feeQuote == null ? null : feeQuote.stripTrailingZeros().toPlainString(), rs.getString("fee_quote_asset"),
                    Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
        }).list();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toBigIntegerExact().toString();
    }
}
