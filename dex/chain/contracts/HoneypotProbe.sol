// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

interface IProbeErc20 {
    function balanceOf(address owner) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
}

interface IProbeRouter {
    function factory() external view returns (address);
    function swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin, address[] calldata path,
        address to, uint256 deadline) external payable;
    function swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin,
        address[] calldata path, address to, uint256 deadline) external;
}

interface IProbeFactory {
    function getPair(address tokenA, address tokenB) external view returns (address);
}

/// Never deployed: its creation code is run by eth_call (no "to"), so nothing it does is kept. The constructor buys
/// the token with the ether sent along (Uniswap V2 router, path WETH ... token), then sells everything it received
/// back along the reversed path, and returns what happened instead of runtime code:
///   (bought, buyError, pairSent, received, sold, sellError, pairGot, wethBack)
/// pairSent - received is the buy tax in token units (the pool sent more than arrived), received - pairGot the sell
/// tax (less reached the pool than left the probe). A sell that reverts is the honeypot: its reason is the router's
/// words, or the token's own when a plain transfer into the pool reverts too.
contract HoneypotProbe {
    constructor(address router, address[] memory path) payable {
        address token = path[path.length - 1];
        address pair = IProbeFactory(IProbeRouter(router).factory()).getPair(path[path.length - 2], token);
        IProbeErc20 t = IProbeErc20(token);

        uint256 pairBefore = t.balanceOf(pair);
        bool bought = true;
        bytes memory buyError;
        try IProbeRouter(router).swapExactETHForTokensSupportingFeeOnTransferTokens{value: msg.value}(
                0, path, address(this), block.timestamp) {
        } catch (bytes memory reason) {
            bought = false;
            buyError = reason;
        }
        uint256 pairSent = pairBefore - t.balanceOf(pair);
        uint256 received = t.balanceOf(address(this));

        bool sold = false;
        bytes memory sellError;
        uint256 pairGot = 0;
        uint256 wethBack = 0;
        if (bought && received > 0) {
            (sold, sellError, pairGot, wethBack) = sell(router, path, t, pair, received);
        }
        bytes memory result = abi.encode(bought, buyError, pairSent, received, sold, sellError, pairGot, wethBack);
        assembly {
            return(add(result, 32), mload(result))
        }
    }

    function sell(address router, address[] memory path, IProbeErc20 t, address pair, uint256 amount)
            private returns (bool sold, bytes memory sellError, uint256 pairGot, uint256 wethBack) {
        address[] memory back = new address[](path.length);
        for (uint256 i = 0; i < path.length; i++) back[i] = path[path.length - 1 - i];
        IProbeErc20 weth = IProbeErc20(path[0]);
        uint256 pairBefore = t.balanceOf(pair);
        try t.approve(router, amount) {
        } catch (bytes memory reason) {
            return (false, reason, 0, 0);
        }
        try IProbeRouter(router).swapExactTokensForTokensSupportingFeeOnTransferTokens(
                amount, 0, back, address(this), block.timestamp) {
        } catch (bytes memory reason) {
            // The router reports a failed token transfer in its own words; a plain transfer into the pool shows
            // the token's reason when the token is what refuses.
            try t.transfer(pair, amount) {
            } catch (bytes memory tokenReason) {
                if (tokenReason.length > 0) reason = tokenReason;
            }
            return (false, reason, 0, 0);
        }
        return (true, "", t.balanceOf(pair) - pairBefore, weth.balanceOf(address(this)));
    }
}
