package dev.botfleet.dex.risk;

import dev.botfleet.dex.risk.PrivilegeScan.Finding;
import dev.botfleet.dex.risk.PrivilegeScan.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real runtime bytecode of OpenZeppelin 4.9.6 presets (see the README beside the .hex files) and hand-made code. */
class PrivilegeScanTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = PrivilegeScanTest.class.getResourceAsStream(name + ".deployed.hex")) {
            assertThat(in).as(name).isNotNull();
            return Bytecode.fromHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void selectorsAreKeccakOfTheSignature() {
        // published values: ERC-20 transfer and OpenZeppelin's mint/pause/unpause/grantRole
        assertThat(KnownSelectors.selector("transfer(address,uint256)")).isEqualTo("a9059cbb");
        assertThat(KnownSelectors.selector("mint(address,uint256)")).isEqualTo("40c10f19");
        assertThat(KnownSelectors.selector("pause()")).isEqualTo("8456cb59");
        assertThat(KnownSelectors.selector("unpause()")).isEqualTo("3f4ba83a");
        assertThat(KnownSelectors.selector("grantRole(bytes32,address)")).isEqualTo("2f2ff15d");
    }

    @Test
    void aPlainFixedSupplyTokenHasNoPrivileges() throws IOException {
        byte[] code = resource("ERC20PresetFixedSupply");
        assertThat(Bytecode.selectors(code)).as("the dispatcher is read").contains("a9059cbb", "095ea7b3", "70a08231");
        assertThat(PrivilegeScan.bytecode(code).findings()).isEmpty();
    }

    @Test
    void theMinterPauserPresetCanMintPauseAndGrantRoles() throws IOException {
        PrivilegeScan.Report report = PrivilegeScan.bytecode(resource("ERC20PresetMinterPauser"));
        assertThat(report.privileges()).containsExactlyInAnyOrder(Privilege.MINT, Privilege.PAUSE, Privilege.ROLES);
        assertThat(report.findings()).extracting(Finding::signature)
                .containsExactlyInAnyOrder("mint(address,uint256)", "pause()", "unpause()", "grantRole(bytes32,address)");
        assertThat(report.findings()).allMatch(f -> f.source() == Source.BYTECODE);
    }

    @Test
    void theSolidityMetadataIsNotWalked() throws IOException {
        byte[] code = resource("ERC20PresetFixedSupply");
        int end = Bytecode.codeEnd(code);
        assertThat(end).isLessThan(code.length);
        assertThat(code[end] & 0xff).as("a CBOR map starts the metadata").isBetween(0xa1, 0xa5);
    }

    @Test
    void bytesInsidePushDataAreNeverReadAsInstructions() {
        // PUSH32 whose data holds "PUSH4 mint-selector EQ": a byte search finds mint, the opcode walk must not
        String push32 = "7f" + "63" + "40c10f19" + "14" + "00".repeat(26);
        byte[] code = Bytecode.fromHex(push32 + "00");
        assertThat(HexFormat.of().formatHex(code)).contains("6340c10f19");
        assertThat(Bytecode.selectors(code)).isEmpty();
        assertThat(PrivilegeScan.bytecode(code).findings()).isEmpty();
        // the same instructions outside push data are found
        assertThat(Bytecode.selectors(Bytecode.fromHex("6340c10f1914"))).containsExactly("40c10f19");
    }

    @Test
    void shortPushesComparedWithEqAreSelectorsWithLeadingZeros() {
        // DUP1 PUSH3 0xfdd58e EQ: solc's way of writing selector 0x00fdd58e; a PUSH2 not followed by EQ is a jump target
        byte[] code = Bytecode.fromHex("8062fdd58e14" + "610100" + "57");
        assertThat(Bytecode.selectors(code)).containsExactly("00fdd58e");
        assertThat(Bytecode.selectors(Bytecode.fromHex("63aabbcc"))).as("a truncated PUSH4 is data").isEmpty();
    }

    @Test
    void aHandWrittenDispatcherWithBlacklistAndFeeSettersIsCaught() {
        // calldataload(0) >> 224, then DUP1 PUSH4 <selector> EQ PUSH2 <dest> JUMPI for each function
        StringBuilder code = new StringBuilder("60003560e01c");
        for (String signature : new String[]{"transfer(address,uint256)", "blacklistAddress(address,bool)", "setFee(uint256)",
                "setMaxTxAmount(uint256)", "transferOwnership(address)"}) {
            code.append("80").append("63").append(KnownSelectors.selector(signature)).append("14").append("610100").append("57");
        }
        code.append("00");
        PrivilegeScan.Report report = PrivilegeScan.bytecode(Bytecode.fromHex(code.toString()));
        assertThat(report.privileges()).containsExactlyInAnyOrder(Privilege.BLACKLIST, Privilege.FEE_SETTER,
                Privilege.TRADING_LIMITS, Privilege.OWNERSHIP);
    }

    @Test
    void theAbiIsReadBySignatureThenByNameAndViewsAreIgnored() {
        String abi = """
                [
                  {"type":"constructor","inputs":[]},
                  {"type":"function","name":"setFee","stateMutability":"nonpayable","inputs":[{"name":"f","type":"uint256"}]},
                  {"type":"function","name":"setSellTax","stateMutability":"nonpayable","inputs":[{"name":"t","type":"uint16"}]},
                  {"type":"function","name":"addToDenylist","stateMutability":"nonpayable","inputs":[{"name":"a","type":"address[]"}]},
                  {"type":"function","name":"isBlacklisted","stateMutability":"view","inputs":[{"name":"a","type":"address"}]},
                  {"type":"function","name":"mintBatch","stateMutability":"nonpayable","inputs":[
                    {"name":"to","type":"tuple[]","components":[{"name":"a","type":"address"},{"name":"v","type":"uint256"}]}]},
                  {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"v","type":"uint256"}]},
                  {"type":"event","name":"Paused","inputs":[]}
                ]""";
        PrivilegeScan.Report report = PrivilegeScan.abi(abi);
        assertThat(report.findings()).extracting(f -> f.privilege() + " " + f.signature()).containsExactly(
                "FEE_SETTER setFee(uint256)", "FEE_SETTER setSellTax(uint16)", "BLACKLIST addToDenylist(address[])",
                "MINT mintBatch((address,uint256)[])");
        assertThat(report.findings().getFirst().selector()).isEqualTo(KnownSelectors.selector("setFee(uint256)"));
    }

    @Test
    void bytecodeAndAbiTogetherDoNotRepeatAFinding() throws IOException {
        String abi = """
                [{"type":"function","name":"mint","stateMutability":"nonpayable","inputs":[{"type":"address"},{"type":"uint256"}]},
                 {"type":"function","name":"setTaxes","stateMutability":"nonpayable","inputs":[{"type":"uint256"},{"type":"uint256"}]}]""";
        PrivilegeScan.Report report = PrivilegeScan.scan(resource("ERC20PresetMinterPauser"), abi);
        assertThat(report.findings()).filteredOn(f -> f.signature().equals("mint(address,uint256)")).hasSize(1);
        assertThat(report.findings()).filteredOn(f -> f.source() == Source.ABI).extracting(Finding::signature)
                .containsExactly("setTaxes(uint256,uint256)");
    }

    @Test
    void aBrokenAbiOrHexIsRefusedInWords() {
        assertThatThrownBy(() -> PrivilegeScan.abi("{not json")).hasMessage("the ABI is not valid JSON");
        assertThatThrownBy(() -> PrivilegeScan.abi("{}")).hasMessage("the ABI must be a JSON array of entries");
        assertThatThrownBy(() -> Bytecode.fromHex("0x123")).hasMessageContaining("even number");
        assertThatThrownBy(() -> Bytecode.fromHex("0xzz")).isInstanceOf(IllegalArgumentException.class);
    }
}
