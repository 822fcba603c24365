package dev.botfleet.dex.risk;

/** A power over holders that a token's owner (or a role) may keep, in the words the risk report shows. */
public enum Privilege {
    MINT("can create new tokens, diluting holders"),
    PAUSE("can stop all transfers, so nobody can sell"),
    BLACKLIST("can block chosen addresses from selling"),
    FEE_SETTER("can change the transfer or sell tax, up to 100 %"),
    TRADING_LIMITS("can change trading limits (max transaction or wallet size) or switch trading on and off"),
    UPGRADE("can replace the contract's code (upgradeable proxy)"),
    ROLES("has roles that can be granted to other addresses (AccessControl)"),
    OWNERSHIP("has an owner address that holds the privileges (can transfer or renounce it)");

    private final String meaning;

    Privilege(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
