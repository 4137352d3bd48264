// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title TestBotcoin — the sandbox's BOTCOIN: a plain 18-decimal ERC-20.
/// @notice Never deployed on Base: the sandbox must not reuse real token addresses. The owner
/// (the sandbox operator) mints freely so test wallets can be funded and stakes exercised.
contract TestBotcoin is ERC20, Ownable {
    constructor(address initialOwner) ERC20("Test BOTCOIN", "BOTCOIN") Ownable(initialOwner) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
