package dev.botfleet.dex.signer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The external signer client against the fake Web3Signer: what it signs, what it refuses, and that it never hangs. */
class Web3SignerClientTest {
    static final long CHAIN = 1337;
    static final Credentials WALLET = Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    static final Credentials STRANGER = Credentials.create("0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");
    static final String ROUTER = "0x7a250d5630b4cf539739df2c5dacb4c659f2488d";

    FakeWeb3Signer fake = FakeWeb3Signer.start(CHAIN, WALLET);

    @AfterEach
    void close() {
        fake.close();
    }

    static RawTransaction swap() {
        return RawTransaction.createTransaction(CHAIN, BigInteger.valueOf(7), BigInteger.valueOf(180_000), ROUTER,
                BigInteger.valueOf(12_345), "0x38ed1739" + "00".repeat(64), BigInteger.valueOf(1_500_000_000L),
                BigInteger.valueOf(40_000_000_000L));
    }

    Web3SignerClient client(Credentials wallet) {
        return new Web3SignerClient(fake.url(), wallet.getAddress(), Duration.ofSeconds(5));
    }

    @Test
    void signsExactlyWhatALocalKeyWouldSign() {
        String remote = client(WALLET).sign(swap(), CHAIN);
        // RFC 6979 signatures are deterministic: the same transaction and key give the same bytes
        assertThat(remote).isEqualTo(new LocalKeySigner(WALLET).sign(swap(), CHAIN));
        assertThat(fake.signed()).containsExactly(remote);
    }

    @Test
    void aWalletTheSignerDoesNotHoldIsRefusedWithTheSignersReason() {
        assertThatThrownBy(() -> client(STRANGER).sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("refused to sign")
                .hasMessageContaining("not an unlocked account")
                .hasMessageContaining("-32000");
        assertThat(fake.signed()).isEmpty();
    }

    @Test
    void aSignerThatSignsOtherFieldsIsRefused() {
        fake.behave(FakeWeb3Signer.Behaviour.SIGNS_OTHER_FIELDS);
        assertThatThrownBy(() -> client(WALLET).sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("returned another transaction than was asked, so it was not sent")
                .hasMessageContaining("its to is " + WALLET.getAddress().substring(2).toLowerCase());
        assertThat(fake.signed()).hasSize(1);  // it did sign something: we refused to use it
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        fake.behave(FakeWeb3Signer.Behaviour.SIGNS_WITH_ANOTHER_KEY);
        assertThatThrownBy(() -> client(WALLET).sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("not by the wallet " + WALLET.getAddress().toLowerCase());
    }

    @Test
    void aSignerConfiguredForAnotherChainIsRefused() {
        fake.close();
        fake = FakeWeb3Signer.start(1, WALLET);  // mainnet's chain id, as Web3Signer's --chain-id=1
        assertThatThrownBy(() -> client(WALLET).sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("its chain id is 1 instead of 1337");
    }

    @Test
    void aSignerThatRefusesSaysSo() {
        fake.behave(FakeWeb3Signer.Behaviour.REFUSES);
        assertThatThrownBy(() -> client(WALLET).sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("refused to sign: Signing refused by policy");
    }

    @Test
    void aSignerThatIsDownDoesNotAnswerAndTheCallEndsAtOnce() throws Exception {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
        Web3SignerClient client = new Web3SignerClient(closed, WALLET.getAddress(), Duration.ofSeconds(5));
        assertTimeoutPreemptively(ofSeconds(5), () -> assertThatThrownBy(() -> client.sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessage("the external signer at " + closed + " does not answer (ConnectException)"));
    }

    @Test
    void aSignerThatHangsIsGivenUpAfterTheTimeout() {
        fake.behave(FakeWeb3Signer.Behaviour.SILENT);
        Web3SignerClient client = new Web3SignerClient(fake.url(), WALLET.getAddress(), Duration.ofMillis(300));
        assertTimeoutPreemptively(ofSeconds(5), () -> assertThatThrownBy(() -> client.sign(swap(), CHAIN))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("does not answer (HttpTimeoutException)"));
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthorizationAndNeverShown() {
        URI withPassword = URI.create(fake.url().toString().replace("http://", "http://bot:s3cret-pw@"));
        Web3SignerClient client = new Web3SignerClient(withPassword, WALLET.getAddress(), Duration.ofSeconds(5));
        client.sign(swap(), CHAIN);
        assertThat(fake.authorizations()).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString("bot:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(client.url()).isEqualTo(fake.url().toString()).doesNotContain("s3cret");
        assertThat(client.toString()).doesNotContain("s3cret");

        fake.behave(FakeWeb3Signer.Behaviour.REFUSES);
        assertThatThrownBy(() -> client.sign(swap(), CHAIN)).message().doesNotContain("s3cret").doesNotContain("bot:");
        fake.close();
        assertThatThrownBy(() -> client.sign(swap(), CHAIN)).message().contains("does not answer")
                .doesNotContain("s3cret").doesNotContain("bot:");
    }

    @Test
    void badParamsAreAJsonRpcErrorLikeWeb3Signers() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String noNonce = """
                {"jsonrpc":"2.0","id":1,"method":"eth_signTransaction","params":[{"from":"%s","to":"%s","gas":"0x5208",
                "maxFeePerGas":"0x1","maxPriorityFeePerGas":"0x1","value":"0x0","data":"0x"}]}""".formatted(
                WALLET.getAddress(), ROUTER);
        String answer = http.send(java.net.http.HttpRequest.newBuilder(fake.url())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(noNonce)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(answer).contains("\"code\":-32602").contains("Invalid params").doesNotContain("result");
        assertThat(fake.signed()).isEmpty();
    }
}
