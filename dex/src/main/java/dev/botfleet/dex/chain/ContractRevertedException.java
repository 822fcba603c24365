package dev.botfleet.dex.chain;

/** A call or transaction the contract refused; {@link #reason()} is the decoded revert reason in plain words. */
public class ContractRevertedException extends RuntimeException {
    private final String reason;

    public ContractRevertedException(String what, String reason) {
        super(what + " reverted: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
