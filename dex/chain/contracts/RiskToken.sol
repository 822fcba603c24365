// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// A token built to be risky, for the risk score's tests on the local chain (never deployed anywhere else):
/// a buy tax and a sell tax (in basis points, paid to the owner) on transfers from and to the pool the owner names,
/// and optionally blocked sells: a transfer into the pool from anyone but the owner reverts ("a honeypot": buys work,
/// nobody but the owner can sell). The owner can change the taxes and mint, as such tokens allow.
contract RiskToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    address public owner;
    address public pair;
    uint256 public buyTaxBps;
    uint256 public sellTaxBps;
    bool public sellsBlocked;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint256 supply, uint256 buyTax, uint256 sellTax,
                bool blockSells) {
        name = name_;
        symbol = symbol_;
        owner = msg.sender;
        buyTaxBps = buyTax;
        sellTaxBps = sellTax;
        sellsBlocked = blockSells;
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "RiskToken: not the owner");
        _;
    }

    function setPair(address pair_) external onlyOwner {
        pair = pair_;
    }

    function setFees(uint256 buyTax, uint256 sellTax) external onlyOwner {
        buyTaxBps = buyTax;
        sellTaxBps = sellTax;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= amount, "RiskToken: allowance too low");
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) private {
        require(balanceOf[from] >= amount, "RiskToken: balance too low");
        uint256 tax = 0;
        if (pair != address(0) && from != owner && to != owner) {
            if (to == pair) {
                require(!sellsBlocked, "RiskToken: selling is disabled");
                tax = amount * sellTaxBps / 10000;
            } else if (from == pair) {
                tax = amount * buyTaxBps / 10000;
            }
        }
        balanceOf[from] -= amount;
        balanceOf[to] += amount - tax;
        emit Transfer(from, to, amount - tax);
        if (tax > 0) {
            balanceOf[owner] += tax;
            emit Transfer(from, owner, tax);
        }
    }
}
