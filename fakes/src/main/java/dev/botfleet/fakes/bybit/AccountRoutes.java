package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.botfleet.fakes.bybit.Json.num;

/**
 * GET /v5/account/wallet-balance (https://bybit-exchange.github.io/docs/v5/account/wallet-balance) and
 * GET /v5/user/query-api (https://bybit-exchange.github.io/docs/v5/user/apikey-info).
 */
final class AccountRoutes {

    FakeHttp.Response wallet(FakeAccount account, Request request, long now) {
        Map<String, String> q = request.query();
        if (!"UNIFIED".equals(q.get("accountType"))) throw BybitError.params("accountType only supports UNIFIED");
        Set<String> coins = q.containsKey("coin")
                ? Arrays.stream(q.get("coin").split(",")).collect(Collectors.toSet()) : null;
        ObjectNode result = Json.object();
        ObjectNode wallet = result.putArray("list").addObject();
        wallet.put("accountType", "UNIFIED");
        for (String field : new String[] {"accountIMRate", "accountMMRate", "totalEquity", "totalWalletBalance",
                "totalMarginBalance", "totalAvailableBalance", "totalPerpUPL", "totalInitialMargin",
                "totalMaintenanceMargin", "accountLTV"}) {
            wallet.put(field, "0");
        }
        ArrayNode list = wallet.putArray("coin");
        account.balances().forEach((asset, amounts) -> {
            BigDecimal total = amounts[0].add(amounts[1]);
            // "If not passed, it returns non-zero asset info"
            if (coins == null ? total.signum() == 0 : !coins.contains(asset)) return;
            list.add(coin(asset, total, amounts[1]));
        });
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    /** One coin of a wallet, as the REST answer and the private wallet topic both show it. */
    static ObjectNode coin(String asset, BigDecimal walletBalance, BigDecimal locked) {
        ObjectNode c = Json.object();
        c.put("coin", asset);
        c.put("equity", num(walletBalance));
        c.put("usdValue", "");
        c.put("walletBalance", num(walletBalance));
        c.put("locked", num(locked));
        c.put("spotHedgingQty", "0");
        c.put("borrowAmount", "0");
        c.put("accruedInterest", "0");
        c.put("totalOrderIM", "0");
        c.put("totalPositionIM", "0");
        c.put("totalPositionMM", "0");
        c.put("unrealisedPnl", "0");
        c.put("cumRealisedPnl", "0");
        c.put("bonus", "0");
        c.put("marginCollateral", true);
        c.put("collateralSwitch", true);
        c.put("spotBorrow", "0");
        return c;
    }

    FakeHttp.Response apiKey(FakeAccount account, Request request, long now) {
        ObjectNode result = Json.object();
        result.put("id", Integer.toString(Math.abs(account.apiKey.hashCode())));
        result.put("note", "fake");
        result.put("apiKey", account.apiKey);
        result.put("readOnly", account.canTrade ? 0 : 1);
        result.put("secret", "");
        ObjectNode permissions = result.putObject("permissions");
        permissions.putArray("ContractTrade");
        ArrayNode spot = permissions.putArray("Spot");
        if (account.canTrade) spot.add("SpotTrade");
        ArrayNode wallet = permissions.putArray("Wallet");
        wallet.add("AccountTransfer");
        if (account.canWithdraw) wallet.add("Withdraw");
        for (String none : new String[] {"Options", "Derivatives", "Exchange", "Earn", "NFT", "CopyTrading",
                "BlockTrade", "Affiliate"}) {
            permissions.putArray(none);
        }
        result.putArray("ips").add("*");
        result.put("type", 1);
        result.put("deadlineDay", 90);
        result.put("uta", 1);
        result.put("userID", 100_001);
        result.put("isMaster", true);
        result.put("parentUid", "0");
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }
}
